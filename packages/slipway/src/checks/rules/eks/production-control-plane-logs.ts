import type { SlipwayRule } from '../types.js';
import { checkControlPlaneLogs } from './control-plane-log-types.js';

export const eksProductionControlPlaneLogs: SlipwayRule = {
  id: 'Slipway-EKS2',
  level: 'error',
  description:
    'A production cluster must send all five control-plane logs (api, audit, authenticator, controllerManager, scheduler) to CloudWatch Logs, so an incident can be traced to who did what.',
  check(resource, { production }) {
    if (!production || resource.Type !== 'AWS::EKS::Cluster') return 'not-applicable';
    return checkControlPlaneLogs(resource);
  },
};

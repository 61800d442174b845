import type { SlipwayRule } from '../types.js';
import { checkControlPlaneLogs } from './control-plane-log-types.js';

/** Outside production a missing log is a warning: a dev cluster may trade its audit trail for cost. */
export const eksControlPlaneLogs: SlipwayRule = {
  id: 'Slipway-EKS3',
  level: 'warning',
  description:
    'A cluster outside production should send all five control-plane logs (api, audit, authenticator, controllerManager, scheduler) to CloudWatch Logs; production requires them (Slipway-EKS2).',
  check(resource, { production }) {
    if (production || resource.Type !== 'AWS::EKS::Cluster') return 'not-applicable';
    return checkControlPlaneLogs(resource);
  },
};

import { mentionsResource, resourcesOfType } from '../support/references.js';
import type { SlipwayRule } from '../types.js';

export const vpcFlowLog: SlipwayRule = {
  id: 'Slipway-VPC1',
  level: 'error',
  description:
    'A VPC must have a flow log in its stack, so rejected and unexpected traffic can be investigated.',
  check(resource, { template, logicalId }) {
    if (resource.Type !== 'AWS::EC2::VPC') return 'not-applicable';
    const logged = resourcesOfType(template, 'AWS::EC2::FlowLog').some(({ resource: flowLog }) =>
      mentionsResource(flowLog.Properties?.ResourceId, logicalId),
    );
    return logged ? 'compliant' : 'non-compliant';
  },
};

import { type SlipwayRule, violation } from '../types.js';
import { describeIngress, ingressRulesOf, isFromInternet, isWebOnly } from './internet-ingress.js';

export const ec2InternetIngressWebPorts: SlipwayRule = {
  id: 'Slipway-EC21',
  level: 'error',
  description: 'Ingress from 0.0.0.0/0 or ::/0 is allowed only on TCP 80 and 443.',
  check(resource) {
    if (resource.Type !== 'AWS::EC2::SecurityGroup' && resource.Type !== 'AWS::EC2::SecurityGroupIngress') {
      return 'not-applicable';
    }
    const offending = ingressRulesOf(resource).filter((rule) => isFromInternet(rule) && !isWebOnly(rule));
    return offending.length === 0
      ? 'compliant'
      : violation(`admits ${offending.map(describeIngress).join('; ')}`);
  },
};

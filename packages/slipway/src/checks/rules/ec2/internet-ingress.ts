/** Security group ingress as CloudFormation writes it: inline on the group, or as standalone resources. */

import type { CfnResource, CfnTemplate } from '../../../template/types.js';
import { referencedLogicalId, resourcesOfType } from '../support/references.js';
import { asList, isRecord, show, toNumber } from '../support/values.js';

export type IngressRule = Readonly<Record<string, unknown>>;

const WEB_PORTS: readonly number[] = [80, 443];

export function isFromInternet(rule: IngressRule): boolean {
  return rule.CidrIp === '0.0.0.0/0' || rule.CidrIpv6 === '::/0';
}

/** TCP on exactly port 80 or 443: the only traffic the internet may send. */
export function isWebOnly(rule: IngressRule): boolean {
  const protocol = String(rule.IpProtocol).toLowerCase();
  const from = toNumber(rule.FromPort);
  return (
    (protocol === 'tcp' || protocol === '6') &&
    from !== undefined &&
    from === toNumber(rule.ToPort) &&
    WEB_PORTS.includes(from)
  );
}

export function describeIngress(rule: IngressRule): string {
  const source = rule.CidrIp ?? rule.CidrIpv6;
  const protocol = String(rule.IpProtocol);
  if (protocol === '-1') return `all traffic from ${show(source)}`;
  const ports =
    rule.FromPort === rule.ToPort ? show(rule.FromPort) : `${show(rule.FromPort)}-${show(rule.ToPort)}`;
  return `${protocol} ${ports} from ${show(source)}`;
}

/** The ingress rules a resource itself declares: a group's inline list, or a standalone ingress. */
export function ingressRulesOf(resource: CfnResource): IngressRule[] {
  if (resource.Type === 'AWS::EC2::SecurityGroup') {
    return asList(resource.Properties?.SecurityGroupIngress).filter(isRecord);
  }
  if (resource.Type === 'AWS::EC2::SecurityGroupIngress') return [resource.Properties ?? {}];
  return [];
}

/** Logical ids of the groups in a template that admit the internet, directly or through standalone ingress. */
export function internetFacingGroups(template: CfnTemplate): string[] {
  const open = new Set<string>();
  for (const { logicalId, resource } of resourcesOfType(template, 'AWS::EC2::SecurityGroup')) {
    if (ingressRulesOf(resource).some(isFromInternet)) open.add(logicalId);
  }
  for (const { resource } of resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')) {
    const group = referencedLogicalId(resource.Properties?.GroupId);
    if (group !== undefined && isFromInternet(resource.Properties ?? {})) open.add(group);
  }
  return [...open].sort();
}

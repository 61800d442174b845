import type { DiagramNode } from '../types.js';
import { list, record, text } from '../properties.js';
import { resourceNodeId, resourceRef } from '../references.js';
import type { NodeContext } from './context.js';

/** CloudFront distributions, their VPC origins folded in. They sit outside the VPC. */
export function distributionNodes({ templates }: NodeContext): DiagramNode[] {
  return templates.all('AWS::CloudFront::Distribution').map((distribution) => {
    const config = record(distribution.resource.Properties?.DistributionConfig);
    const vpcOrigins = list(config.Origins).flatMap((o) =>
      templates.resolveAll(distribution.stack, record(record(o).VpcOriginConfig).VpcOriginId),
    );
    return {
      id: resourceNodeId(distribution),
      kind: 'distribution' as const,
      label: 'CloudFront',
      details: [
        ...(text(config.Comment) === undefined ? [] : [String(config.Comment)]),
        [
          text(config.PriceClass)?.replace('PriceClass_', 'price class ') ?? 'price class All',
          text(config.HttpVersion) ?? 'http2',
        ].join(' · '),
        ...list(config.Aliases).map((a) => text(a) ?? '?'),
      ],
      resources: [resourceRef(distribution), ...vpcOrigins.map(resourceRef)],
    };
  });
}

/** WAF web ACLs, their rule names as details. */
export function firewallNodes({ templates }: NodeContext): DiagramNode[] {
  return templates.all('AWS::WAFv2::WebACL').map((acl) => {
    const props = acl.resource.Properties ?? {};
    const rules = list(props.Rules).map((r) => text(record(r).Name) ?? '?');
    return {
      id: resourceNodeId(acl),
      kind: 'firewall' as const,
      label: `WAF ${text(props.Name) ?? acl.logicalId}`,
      details: [`${rules.length} rule${rules.length === 1 ? '' : 's'}`, ...rules],
      resources: [resourceRef(acl)],
    };
  });
}

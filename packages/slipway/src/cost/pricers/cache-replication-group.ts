import { cite, qty, unitUsd } from '../format.js';
import type { PriceKey } from '../prices/types.js';
import { costLine, type Pricer, unpricedLine } from '../pricing-context.js';
import { literalNumber, literalString } from '../template-values.js';

/** `cache.t4g.micro` → the table's `elasticache.t4g.micro.node-hour`. */
function priceKey(nodeType: string): PriceKey {
  return `elasticache.${nodeType.replace(/^cache\./, '')}.node-hour` as PriceKey;
}

/**
 * `AWS::ElastiCache::ReplicationGroup` (Valkey, cluster mode off): node-hours × `NumCacheClusters`,
 * so a Multi-AZ pair costs twice a single node. ElastiCache stores one snapshot per cache free;
 * snapshots kept beyond it ($0.085 per GB-month) depend on the data and are not counted.
 */
export const priceCacheReplicationGroup: Pricer = (logicalId, resource, context) => {
  const props = resource.Properties ?? {};
  const nodeType = literalString(props.CacheNodeType);
  const price = nodeType === undefined ? undefined : context.prices.prices[priceKey(nodeType)];
  if (nodeType === undefined || price === undefined) {
    return [
      unpricedLine(
        context,
        logicalId,
        resource,
        `no bundled price for cache node type ${nodeType ?? '(not a literal)'} ` +
          '(priced: cache.t4g.micro, cache.t4g.small, cache.t4g.medium)',
      ),
    ];
  }
  const nodes = literalNumber(props.NumCacheClusters) ?? 1;
  const hours = context.usage.hoursPerMonth;
  const copies = nodes > 1 ? ` × ${nodes} nodes` : '';
  return [
    costLine(
      context,
      logicalId,
      resource,
      'ElastiCache',
      hours * price.usd * nodes,
      `${nodeType} ${qty(hours)} h × ${unitUsd(price)}${copies} ${cite('ElastiCache', price)}; ` +
        'one snapshot is stored free, further ones are not counted',
    ),
  ];
};

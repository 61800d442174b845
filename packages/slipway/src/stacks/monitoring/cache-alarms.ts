import { Duration, Fn } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { CacheModel } from '../../model/types.js';

/** Engine CPU or memory use of the busiest node that, held for 15 minutes, means the cache is too small. */
export const CACHE_PERCENT = 80;

/**
 * The node ids of a cache's replication group: ElastiCache names a non-clustered group's nodes
 * `<group>-001`, `<group>-002`…, and reports its metrics per node.
 */
export function cacheNodeIds(replicationGroupId: string, nodes: number): string[] {
  return Array.from({ length: nodes }, (_, i) =>
    Fn.join('-', [replicationGroupId, String(i + 1).padStart(3, '0')]),
  );
}

/** One metric of every node of a cache, as a metric math expression for the busiest. */
export function busiestNode(
  metricName: string,
  nodeIds: readonly string[],
  period: Duration,
): cloudwatch.IMetric {
  const usingMetrics = Object.fromEntries(
    nodeIds.map((node, i) => [
      `n${i + 1}`,
      new cloudwatch.Metric({
        namespace: 'AWS/ElastiCache',
        metricName,
        dimensionsMap: { CacheClusterId: node },
        period,
        statistic: 'Average',
      }),
    ]),
  );
  const ids = Object.keys(usingMetrics);
  return new cloudwatch.MathExpression({
    expression: ids.length === 1 ? 'n1' : `MAX([${ids.join(', ')}])`,
    usingMetrics,
    period,
    label: metricName,
  });
}

export interface CacheAlarmsProps {
  readonly cache: CacheModel;
  /** The cache's node ids (`cacheNodeIds`), from the replication group id the data stack publishes. */
  readonly nodeIds: readonly string[];
  readonly alarmName: (kind: 'cache-cpu-high' | 'cache-memory-high') => string;
}

/**
 * A cache's alarms at level 'all', on its busiest node: Valkey's engine thread above
 * {@link CACHE_PERCENT} % (the engine is single-threaded, so host CPU hides a saturated engine on a
 * node with several cores), and memory used above {@link CACHE_PERCENT} % of what the engine may
 * hold, where eviction starts to hurt. Cost: $0.10 per alarm-month.
 */
export class CacheAlarms extends Construct {
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: CacheAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const nodes = props.nodeIds;
    const high = (
      alarmId: string,
      kind: 'cache-cpu-high' | 'cache-memory-high',
      metricName: string,
      what: string,
    ) =>
      new cloudwatch.Alarm(this, alarmId, {
        alarmName: props.alarmName(kind),
        alarmDescription: `${props.cache.name} cache ${what} above ${CACHE_PERCENT} % on its busiest node for 15 minutes`,
        metric: busiestNode(metricName, nodes, period),
        threshold: CACHE_PERCENT,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    this.alarms = [
      high('Cpu', 'cache-cpu-high', 'EngineCPUUtilization', 'engine CPU'),
      high('Memory', 'cache-memory-high', 'DatabaseMemoryUsagePercentage', 'memory use'),
    ];
  }
}

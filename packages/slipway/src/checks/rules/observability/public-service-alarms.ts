import type { CfnResource } from '../../../template/types.js';
import { mentionsResource, referencedLogicalId, resourcesOfType } from '../support/references.js';
import { asList, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/** The target group metrics that tell a user-facing failure: errors the service answers, and slowness. */
const REQUIRED_METRICS = [
  { metric: 'HTTPCode_Target_5XX_Count', what: '5xx' },
  { metric: 'TargetResponseTime', what: 'latency' },
] as const;

/**
 * A service the load balancer routes users to needs an alarm on its 5xx answers and one on its
 * response time, on its own target groups: they are what a user notices first, and what the
 * deployment rolls back on. An alarm on another service's target group does not count.
 */
export const observabilityPublicServiceAlarms: SlipwayRule = {
  id: 'Slipway-OBS2',
  level: 'error',
  description:
    "A public ECS service's stack must have an alarm on its target groups' 5xx answers (HTTPCode_Target_5XX_Count) and one on their response time (TargetResponseTime).",
  check(resource, { template }) {
    if (resource.Type !== 'AWS::ECS::Service') return 'not-applicable';
    const targetGroups = asList(property(resource, 'LoadBalancers'))
      .filter(isRecord)
      .map((balancer) => referencedLogicalId(balancer.TargetGroupArn))
      .filter((id): id is string => id !== undefined);
    if (targetGroups.length === 0) return 'not-applicable';
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(({ resource: alarm }) => alarm);
    const missing = REQUIRED_METRICS.filter(
      ({ metric }) => !alarms.some((alarm) => watches(alarm, metric, targetGroups)),
    );
    return missing.length === 0
      ? 'compliant'
      : violation(
          `no alarm watches ${missing.map((m) => `${m.what} (${m.metric})`).join(' or ')} on target group ${targetGroups.join(' or ')}`,
        );
  },
};

/** The alarm's metric, or one of its metric-math inputs, is `metric` of one of the target groups. */
function watches(alarm: CfnResource, metric: string, targetGroups: readonly string[]): boolean {
  const direct = { MetricName: property(alarm, 'MetricName'), Dimensions: property(alarm, 'Dimensions') };
  const inputs = asList(property(alarm, 'Metrics'))
    .filter(isRecord)
    .map((query) => (isRecord(query.MetricStat) ? query.MetricStat.Metric : undefined))
    .filter(isRecord);
  return [direct, ...inputs].some(
    (m) => m.MetricName === metric && targetGroups.some((tg) => mentionsResource(m.Dimensions, tg)),
  );
}

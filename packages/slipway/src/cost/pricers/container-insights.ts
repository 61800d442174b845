import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import { literalNumber, literalObject, literalString } from '../template-values.js';

/**
 * Metrics standard Container Insights publishes for an ECS cluster and for each of its services
 * (the metric lists of the CloudWatch User Guide's "Amazon ECS Container Insights metrics", read
 * 2026-12, counted by dimension set: an estimate, the exact count varies with the task's setup).
 */
const CLUSTER_METRICS = 8;
const SERVICE_METRICS = 11;
/**
 * Observations a running task makes a minute under enhanced observability: the task-level and
 * container-level metrics of one container, each one observation a minute (an estimate, unverified).
 */
const OBSERVATIONS_PER_TASK_MINUTE = 20;
const MINUTES_PER_HOUR = 60;

/**
 * `AWS::ECS::Cluster` with Container Insights: 'enabled' bills its metrics as custom metrics (the
 * cluster's and each service's, over every stack being priced); 'enhanced' bills per observation
 * instead, the same metrics and each running task's, a minute apart, with the services' desired
 * tasks running all month. Off, or not set, costs nothing.
 */
export const priceContainerInsights: Pricer = (logicalId, resource, context) => {
  const settings = resource.Properties?.['ClusterSettings'];
  const setting = (Array.isArray(settings) ? settings : [])
    .map(literalObject)
    .find((s) => literalString(s?.['Name']) === 'containerInsights');
  const mode = literalString(setting?.['Value']);
  if (mode !== 'enabled' && mode !== 'enhanced') return [];
  const services = context.stacks.flatMap((stack) =>
    Object.values(stack.template.Resources ?? {}).filter((r) => r.Type === 'AWS::ECS::Service'),
  );
  if (mode === 'enabled') {
    const metrics = CLUSTER_METRICS + SERVICE_METRICS * services.length;
    const price = context.prices.prices['cloudwatch.custom-metric-month'];
    return [
      costLine(
        context,
        logicalId,
        resource,
        'Container Insights',
        metrics * price.usd,
        `standard: about ${qty(CLUSTER_METRICS)} cluster + ${qty(SERVICE_METRICS)} × ${qty(services.length)} service ` +
          `metrics (estimate) × ${unitUsd(price)} ${cite('CloudWatch metrics', price)}`,
      ),
    ];
  }
  const tasks = services.reduce((sum, s) => sum + (literalNumber(s.Properties?.['DesiredCount']) ?? 1), 0);
  // The cluster's and services' own metrics are observations too, one a minute each.
  const perMinute =
    CLUSTER_METRICS + SERVICE_METRICS * services.length + OBSERVATIONS_PER_TASK_MINUTE * tasks;
  const millions = (perMinute * context.usage.hoursPerMonth * MINUTES_PER_HOUR) / 1e6;
  const price = context.prices.prices['cloudwatch.container-insights-observation-million'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Container Insights',
      millions * price.usd,
      `enhanced: about ${qty(perMinute)} observations a minute (the cluster, ${qty(services.length)} services and ` +
        `${qty(tasks)} tasks × ${qty(OBSERVATIONS_PER_TASK_MINUTE)}; estimate) over ${qty(context.usage.hoursPerMonth)} h = ` +
        `${qty(millions)} M × ${unitUsd(price)} ${cite('Container Insights', price)}`,
    ),
  ];
};

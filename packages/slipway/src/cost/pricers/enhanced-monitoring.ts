import { cite, qty, unitUsd } from '../format.js';
import { type CostLine, costLine, type PricingContext } from '../pricing-context.js';
import type { CfnResource } from '../../template/types.js';
import { literalNumber } from '../template-values.js';

/**
 * Size of one enhanced monitoring sample, in KiB: one JSON event with the OS counters and the
 * process list. AWS states how the feature is billed (RDS User Guide, "Cost of Enhanced
 * Monitoring": as CloudWatch Logs, more for a shorter interval, after the CloudWatch Logs free
 * tier) but no size per sample; this figure is Slipway's assumption.
 */
export const ENHANCED_MONITORING_KIB_PER_SAMPLE = 10;

const KIB_PER_GIB = 1024 * 1024;

/**
 * Enhanced monitoring on an `AWS::RDS::DBInstance` (`MonitoringInterval` above 0): RDS writes one
 * sample per interval to the account's RDSOSMetrics log group, billed as CloudWatch Logs
 * ingestion. Storage is left out: RDS gives that group a 30-day retention, a small sum beside it.
 */
export function enhancedMonitoringLines(
  logicalId: string,
  resource: CfnResource,
  context: PricingContext,
): CostLine[] {
  const interval = literalNumber(resource.Properties?.MonitoringInterval) ?? 0;
  if (interval <= 0) return [];
  const hours = context.usage.hoursPerMonth;
  const samples = (hours * 3600) / interval;
  const gb = (samples * ENHANCED_MONITORING_KIB_PER_SAMPLE) / KIB_PER_GIB;
  const ingest = context.prices.prices['logs.ingested-gb'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'CloudWatch Logs',
      gb * ingest.usd,
      `enhanced monitoring every ${qty(interval)} s: ${qty(samples)} samples × ` +
        `${ENHANCED_MONITORING_KIB_PER_SAMPLE} KiB (assumed) = ${qty(gb)} GB into RDSOSMetrics × ` +
        `${unitUsd(ingest)} ${cite('CloudWatch Logs', ingest)}`,
    ),
  ];
}

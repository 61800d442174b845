import { z } from 'zod';
import type { IDatadogMonitor } from './datadog-monitor-types.js';
import { LocalKind } from './local-kind.js';

const labelMap = z.record(z.string(), z.string());
const stringSet = z.array(z.string()).refine((values) => new Set(values).size === values.length, {
  message: 'must not repeat a value (the CRD lists it as a set)',
});
const minutes = z.number().int().nonnegative();
/** A threshold: a number written as a string, as the CRD holds it. */
const threshold = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a number written as a string');

/**
 * The kind's schema, strict at every depth (what `validate()` checks, the schema pass's half),
 * from the operator's CRD; scheduling options, which Slipway does not write, are left out.
 */
export const DATADOG_MONITOR_SCHEMA = z.strictObject({
  apiVersion: z.literal('datadoghq.com/v1alpha1'),
  kind: z.literal('DatadogMonitor'),
  metadata: z.strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      .max(253),
    namespace: z.string().min(1),
    labels: labelMap.optional(),
    annotations: labelMap.optional(),
  }),
  spec: z.strictObject({
    name: z.string().min(1),
    message: z.string().min(1),
    query: z.string().min(1),
    type: z.enum([
      'metric alert',
      'query alert',
      'service check',
      'event alert',
      'log alert',
      'process alert',
      'rum alert',
      'trace-analytics alert',
      'slo alert',
      'event-v2 alert',
      'audit alert',
      'composite',
      'error-tracking alert',
    ]),
    priority: z.number().int().min(1).max(5).optional(),
    tags: stringSet.optional(),
    restrictedRoles: stringSet.optional(),
    controllerOptions: z.strictObject({ disableRequiredTags: z.boolean().optional() }).optional(),
    options: z
      .strictObject({
        enableLogsSample: z.boolean().optional(),
        escalationMessage: z.string().optional(),
        evaluationDelay: z.number().int().nonnegative().optional(),
        groupRetentionDuration: z.string().optional(),
        groupbySimpleMonitor: z.boolean().optional(),
        includeTags: z.boolean().optional(),
        locked: z.boolean().optional(),
        newGroupDelay: z.number().int().nonnegative().optional(),
        noDataTimeframe: minutes.optional(),
        notificationPresetName: z.string().optional(),
        notifyAudit: z.boolean().optional(),
        notifyBy: stringSet.optional(),
        notifyNoData: z.boolean().optional(),
        onMissingData: z.string().optional(),
        renotifyInterval: minutes.optional(),
        renotifyOccurrences: z.number().int().nonnegative().optional(),
        renotifyStatuses: stringSet.optional(),
        requireFullWindow: z.boolean().optional(),
        thresholdWindows: z
          .strictObject({ recoveryWindow: z.string().optional(), triggerWindow: z.string().optional() })
          .optional(),
        thresholds: z
          .strictObject({
            critical: threshold.optional(),
            criticalRecovery: threshold.optional(),
            ok: threshold.optional(),
            unknown: threshold.optional(),
            warning: threshold.optional(),
            warningRecovery: threshold.optional(),
          })
          .optional(),
        timeoutH: z.number().int().nonnegative().optional(),
      })
      .optional(),
  }),
});

/**
 * A DatadogMonitor with the shape of a `kubernetes-models` class, so the builders, both
 * validation passes and the writer treat it as any other object.
 */
export class DatadogMonitor extends LocalKind<IDatadogMonitor> {
  static readonly apiVersion = 'datadoghq.com/v1alpha1';

  constructor(data: Omit<IDatadogMonitor, 'apiVersion' | 'kind'>) {
    super(
      { apiVersion: DatadogMonitor.apiVersion, kind: 'DatadogMonitor', schema: DATADOG_MONITOR_SCHEMA },
      data,
    );
  }
}

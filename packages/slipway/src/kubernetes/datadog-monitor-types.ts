/**
 * The Datadog Operator's DatadogMonitor (`datadoghq.com/v1alpha1`), per the CRD of operator
 * v1.29.0 (`config/crd/bases/v1/datadoghq.com_datadogmonitors.yaml` of DataDog/datadog-operator),
 * the version the pinned Datadog chart installs. No `@kubernetes-models` package types this kind,
 * so the interface lives here, with nothing imported: the field check compiles it as it compiles a
 * package's, and an excess property at any depth fails that check.
 */
export interface IDatadogMonitor {
  apiVersion: 'datadoghq.com/v1alpha1';
  kind: 'DatadogMonitor';
  metadata: IDatadogMonitorMetadata;
  spec: IDatadogMonitorSpec;
}

export interface IDatadogMonitorMetadata {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface IDatadogMonitorSpec {
  name: string;
  /** What the notification says; `@` handles in it are who it goes to. */
  message: string;
  query: string;
  type: DatadogMonitorType;
  /** 1 (highest) to 5. */
  priority?: number;
  tags?: string[];
  restrictedRoles?: string[];
  options?: IDatadogMonitorOptions;
  controllerOptions?: { disableRequiredTags?: boolean };
}

export type DatadogMonitorType =
  | 'metric alert'
  | 'query alert'
  | 'service check'
  | 'event alert'
  | 'log alert'
  | 'process alert'
  | 'rum alert'
  | 'trace-analytics alert'
  | 'slo alert'
  | 'event-v2 alert'
  | 'audit alert'
  | 'composite'
  | 'error-tracking alert';

export interface IDatadogMonitorOptions {
  enableLogsSample?: boolean;
  escalationMessage?: string;
  /** Seconds the evaluation waits for late data. */
  evaluationDelay?: number;
  groupRetentionDuration?: string;
  groupbySimpleMonitor?: boolean;
  includeTags?: boolean;
  locked?: boolean;
  newGroupDelay?: number;
  /** Minutes without data before a no-data alert, when `notifyNoData`. */
  noDataTimeframe?: number;
  notificationPresetName?: string;
  notifyAudit?: boolean;
  notifyBy?: string[];
  notifyNoData?: boolean;
  onMissingData?: string;
  /** Minutes between repeated notifications while the monitor stays in alert. */
  renotifyInterval?: number;
  renotifyOccurrences?: number;
  renotifyStatuses?: string[];
  requireFullWindow?: boolean;
  thresholdWindows?: { recoveryWindow?: string; triggerWindow?: string };
  /** Numbers as strings, as the CRD has them. */
  thresholds?: {
    critical?: string;
    criticalRecovery?: string;
    ok?: string;
    unknown?: string;
    warning?: string;
    warningRecovery?: string;
  };
  timeoutH?: number;
}

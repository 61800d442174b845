import {
  type AlertRoutesModel,
  DEFAULT_DATADOG_SITE,
  defaultObservability,
  type ObservabilityModel,
} from '../../model/observability.js';
import type { AlertsConfig, ObservabilityConfig } from '../schema.js';

/**
 * The environment's observability: its fields over the app's one by one, except `alerts`, which an
 * environment replaces as a whole (so a dev environment can drop the app's pager without knowing
 * which routes it had). Provider settings merge field by field, like the EKS Datadog block.
 */
export function resolveObservability(
  appConfig: ObservabilityConfig | undefined,
  envConfig: ObservabilityConfig | undefined,
  production: boolean,
): ObservabilityModel {
  const app: ObservabilityConfig = appConfig ?? {};
  const own: ObservabilityConfig = envConfig ?? {};
  const stage = defaultObservability(production);
  const provider = own.provider ?? app.provider ?? stage.provider;
  const datadog = { ...app.datadog, ...own.datadog };
  const elastic = { ...app.elastic, ...own.elastic };
  return {
    provider,
    alerts: alertRoutes(own.alerts ?? app.alerts),
    alarms: own.alarms ?? app.alarms ?? stage.alarms,
    tracing: own.tracing ?? app.tracing ?? stage.tracing,
    uptime: own.uptime ?? app.uptime ?? stage.uptime,
    dashboard: own.dashboard ?? app.dashboard ?? stage.dashboard,
    containerInsights: own.containerInsights ?? app.containerInsights ?? stage.containerInsights,
    // A missing key stays '' so validation, which runs on the merged fields, can name it.
    ...(provider === 'datadog'
      ? {
          datadog: {
            site: datadog.site ?? DEFAULT_DATADOG_SITE,
            apiKeySecret: datadog.apiKeySecret ?? '',
            ...(datadog.appKeySecret === undefined ? {} : { appKeySecret: datadog.appKeySecret }),
            notify: [...(datadog.notify ?? [])],
          },
        }
      : {}),
    ...(provider === 'elastic'
      ? { elastic: { endpoint: elastic.endpoint ?? '', apiKeySecret: elastic.apiKeySecret ?? '' } }
      : {}),
  };
}

function alertRoutes(alerts: AlertsConfig | undefined): AlertRoutesModel {
  return {
    emails: [...(alerts?.email ?? [])],
    ...(alerts?.slack === undefined
      ? {}
      : { slack: { workspaceId: alerts.slack.workspaceId, channelId: alerts.slack.channelId } }),
    ...(alerts?.pagerduty === undefined
      ? {}
      : { pagerduty: { integrationUrlSecret: alerts.pagerduty.integrationUrlSecret } }),
  };
}

import type { CfnResource } from '../../template/types.js';
import {
  ADOT_COLLECTOR_IMAGE,
  DATADOG_AGENT_IMAGE,
  OTEL_CONTRIB_COLLECTOR_IMAGE,
  type TelemetryImage,
} from '../../config/data/telemetry-images.js';
import { cite, qty, unitUsd } from '../format.js';
import { type CostLine, costLine, type Pricer, type PricingContext } from '../pricing-context.js';
import { literalNumber, literalObject, literalString, refTarget } from '../template-values.js';

/**
 * Requests a month each traced service serves, for the trace estimate: the usage model has no
 * per-service request volume, so the estimate assumes a million and says so in its basis.
 */
export const TRACED_REQUEST_MILLIONS_DEFAULT = 1;
/** Share of recorded traces someone retrieves or scans (the trace map, searches, Insights). */
export const RETRIEVED_TRACE_SHARE = 0.1;

type Container = Readonly<Record<string, unknown>>;

/** `registry/name` without the tag: how a container's image is matched to the pinned table. */
function repositoryOf(image: TelemetryImage): string {
  return image.image.slice(0, image.image.lastIndexOf(':'));
}

function runs(containers: readonly Container[], image: TelemetryImage): boolean {
  const repository = repositoryOf(image);
  return containers.some((c) => literalString(c['Image'])?.startsWith(`${repository}:`) === true);
}

function variable(container: Container, name: string): string | undefined {
  const entries = Array.isArray(container['Environment']) ? container['Environment'] : [];
  const found = entries.map((e) => literalObject(e)).find((e) => e?.['Name'] === name);
  return literalString(found?.['Value']);
}

/** Tasks the services of this stack run from `logicalId`, by their DesiredCount (1 when unset). */
function tasksOf(logicalId: string, context: PricingContext): number {
  return Object.values(context.stack.template.Resources ?? {})
    .filter((r) => r.Type === 'AWS::ECS::Service' && refTarget(r.Properties?.TaskDefinition) === logicalId)
    .reduce((sum, service) => sum + (literalNumber(service.Properties?.DesiredCount) ?? 1), 0);
}

/**
 * `AWS::ECS::TaskDefinition`: what a service's telemetry sidecar costs beyond the task, which
 * Fargate bills through the service (the sidecar runs inside the task's size, so nothing more).
 * - ADOT collector: X-Ray's traces recorded (the requests a month times the app's sampling ratio,
 *   `OTEL_TRACES_SAMPLER_ARG`, 1 when unset) and a share of them retrieved; the account's free tier
 *   (100,000 recorded, 1,000,000 retrieved a month) is left out, as it is shared by the account.
 * - Datadog agent: Datadog's Infrastructure and APM prices per Fargate task, billed by Datadog.
 * - OpenTelemetry collector for Elastic: a $0 line saying Elastic bills it, not AWS.
 * A task definition without a sidecar gets no line.
 */
export const priceTelemetrySidecar: Pricer = (logicalId, resource, context) => {
  const containers = (
    Array.isArray(resource.Properties?.['ContainerDefinitions'])
      ? resource.Properties['ContainerDefinitions']
      : []
  )
    .map((c) => literalObject(c))
    .filter((c): c is Container => c !== undefined);
  const app = containers.find((c) => variable(c, 'OTEL_EXPORTER_OTLP_ENDPOINT') !== undefined);
  if (app === undefined) return [];
  const lines: CostLine[] = [];
  if (runs(containers, ADOT_COLLECTOR_IMAGE)) lines.push(xrayLine(logicalId, resource, context, app));
  if (runs(containers, DATADOG_AGENT_IMAGE)) {
    const tasks = tasksOf(logicalId, context);
    const infra = context.prices.prices['datadog.fargate-task-month'];
    const apm = context.prices.prices['datadog.apm-fargate-task-month'];
    lines.push(
      costLine(
        context,
        logicalId,
        resource,
        'Datadog',
        tasks * (infra.usd + apm.usd),
        `${qty(tasks)} tasks × (${unitUsd(infra)} infrastructure + ${unitUsd(apm)} APM), billed by Datadog ` +
          cite('Datadog', infra, apm),
      ),
    );
  }
  if (runs(containers, OTEL_CONTRIB_COLLECTOR_IMAGE)) {
    lines.push(
      costLine(
        context,
        logicalId,
        resource,
        'Elastic',
        0,
        "billed by Elastic, not AWS (by ingest and retention on Elastic's side); the collector runs inside the task",
      ),
    );
  }
  return lines;
};

function xrayLine(
  logicalId: string,
  resource: CfnResource,
  context: PricingContext,
  app: Container,
): CostLine {
  const ratio = Number(variable(app, 'OTEL_TRACES_SAMPLER_ARG') ?? '1');
  const share = Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : 1;
  const recorded = TRACED_REQUEST_MILLIONS_DEFAULT * share;
  const retrieved = recorded * RETRIEVED_TRACE_SHARE;
  const record = context.prices.prices['xray.traces-recorded-million'];
  const retrieve = context.prices.prices['xray.traces-retrieved-million'];
  return costLine(
    context,
    logicalId,
    resource,
    'X-Ray',
    recorded * record.usd + retrieved * retrieve.usd,
    `${qty(TRACED_REQUEST_MILLIONS_DEFAULT)} M requests (assumed) × ${qty(share)} sampled = ${qty(recorded)} M traces × ` +
      `${unitUsd(record)} + ${qty(retrieved)} M retrieved × ${unitUsd(retrieve)} ` +
      cite('X-Ray', record, retrieve),
  );
}

import { describe, expect, it } from 'vitest';
import {
  ADOT_COLLECTOR_IMAGE,
  DATADOG_AGENT_IMAGE,
  OTEL_CONTRIB_COLLECTOR_IMAGE,
  type TelemetryImage,
  telemetryImageRef,
} from '../../src/config/data/telemetry-images.js';
import { estimateCost } from '../../src/cost/estimate.js';
import { stack, usage } from './fixtures.js';

const APP_IMAGE = '111111111111.dkr.ecr.us-east-1.amazonaws.com/shop/web:latest';

/** A task definition with the app (OTLP pointed at localhost) and, optionally, a sidecar. */
function task(sidecar: TelemetryImage | undefined, appEnvironment: Record<string, string> = {}) {
  const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318', ...appEnvironment };
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      ContainerDefinitions: [
        {
          Name: 'web',
          Image: APP_IMAGE,
          Environment: Object.entries(env).map(([Name, Value]) => ({ Name, Value })),
        },
        ...(sidecar === undefined ? [] : [{ Name: 'sidecar', Image: telemetryImageRef(sidecar) }]),
      ],
    },
  };
}

const service = (desiredCount: number) => ({
  Type: 'AWS::ECS::Service',
  Properties: { TaskDefinition: { Ref: 'Task' }, DesiredCount: desiredCount },
});

function linesFor(resources: Record<string, unknown>) {
  return estimateCost([stack('shop-prod-web', resources as never)], {
    region: 'us-east-1',
    usage: usage(),
  }).filter((line) => line.type === 'AWS::ECS::TaskDefinition');
}

describe("a telemetry sidecar's backend in the estimate", () => {
  it("prices X-Ray's traces at the app's sampled share of the assumed requests", () => {
    const [line] = linesFor({ Task: task(ADOT_COLLECTOR_IMAGE, { OTEL_TRACES_SAMPLER_ARG: '0.1' }) });
    // 1 M requests × 0.1 = 0.1 M recorded × $5 + 0.01 M retrieved × $0.50
    expect(line!.usd).toBeCloseTo(0.505, 6);
    expect(line!.driver).toBe('X-Ray');
    expect(line!.basis).toMatch(/^1 M requests \(assumed\) × 0\.1 sampled/);
  });

  it('records every trace when the app does not sample', () => {
    const [line] = linesFor({ Task: task(ADOT_COLLECTOR_IMAGE) });
    expect(line!.usd).toBeCloseTo(5.05, 6);
  });

  it("prices Datadog per task of the service, infrastructure and APM, as Datadog's bill", () => {
    const [line] = linesFor({ Task: task(DATADOG_AGENT_IMAGE), Web: service(2) });
    expect(line!.usd).toBeCloseTo(2 * (1.2 + 2.4), 6);
    expect(line!.driver).toBe('Datadog');
    expect(line!.basis).toContain('billed by Datadog');
    expect(line!.basis).toContain('unverified');
  });

  it('says Elastic bills its collector, at $0 on the AWS estimate', () => {
    const [line] = linesFor({ Task: task(OTEL_CONTRIB_COLLECTOR_IMAGE) });
    expect(line).toMatchObject({ usd: 0, driver: 'Elastic' });
    expect(line!.basis).toMatch(/billed by Elastic, not AWS/);
  });

  it('adds nothing for a task without a sidecar', () => {
    expect(linesFor({ Task: task(undefined) })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  movingImage,
  observabilityPinnedSidecarImages,
} from '../../../src/checks/rules/observability/pinned-sidecar-images.js';
import {
  ADOT_COLLECTOR_IMAGE,
  DATADOG_AGENT_IMAGE,
  FLUENT_BIT_IMAGE,
  OTEL_CONTRIB_COLLECTOR_IMAGE,
  telemetryImageRef,
} from '../../../src/config/data/telemetry-images.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

const APP = { Name: 'api', Image: '111111111111.dkr.ecr.us-east-1.amazonaws.com/shop/api:latest' };

function task(...sidecars: { Name: string; Image: unknown }[]): CfnResource {
  return { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [APP, ...sidecars] } };
}

describe('Slipway-OBS3: sidecar images never by a moving tag', () => {
  it("passes Slipway's own pinned sidecars beside the app's own image", () => {
    const sidecars = [
      ADOT_COLLECTOR_IMAGE,
      OTEL_CONTRIB_COLLECTOR_IMAGE,
      DATADOG_AGENT_IMAGE,
      FLUENT_BIT_IMAGE,
    ].map((image, i) => ({ Name: `sidecar-${i}`, Image: telemetryImageRef(image) }));
    expect(checkRule(observabilityPinnedSidecarImages, task(...sidecars))).toBe('compliant');
  });

  it("fails an agent on 'latest', 'stable' or a major version alone, naming each", () => {
    const result = checkRule(
      observabilityPinnedSidecarImages,
      task(
        { Name: 'datadog-agent', Image: 'public.ecr.aws/datadog/agent:7' },
        { Name: 'log-router', Image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable' },
        { Name: 'otel-collector', Image: 'public.ecr.aws/aws-observability/aws-otel-collector' },
      ),
    );
    expect(result).toEqual({
      detail: expect.stringMatching(
        /datadog-agent: public\.ecr\.aws\/datadog\/agent:7 .*major.*log-router: .*:stable .*otel-collector: .*aws-otel-collector \('latest'/,
      ),
    });
  });

  it('accepts a moving tag held by a digest, and an exact release', () => {
    expect(movingImage('public.ecr.aws/datadog/agent:7@sha256:' + 'a'.repeat(64))).toBeUndefined();
    expect(movingImage('public.ecr.aws/docker/library/postgres:17.6-alpine')).toBeUndefined();
    expect(movingImage('localhost:5000/collector:1.2.3')).toBeUndefined();
    expect(movingImage('localhost:5000/collector')).toMatch(/latest/);
    expect(movingImage('public.ecr.aws/docker/library/postgres:17-alpine')).toMatch(/major/);
  });

  it('is not about other resources', () => {
    expect(checkRule(observabilityPinnedSidecarImages, { Type: 'AWS::ECS::Service', Properties: {} })).toBe(
      'not-applicable',
    );
  });
});

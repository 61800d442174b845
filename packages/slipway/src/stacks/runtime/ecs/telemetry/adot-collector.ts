import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledge } from '../../../../checks/acknowledge.js';
import { ADOT_COLLECTOR_IMAGE, telemetryImageRef } from '../../../../config/data/telemetry-images.js';
import { TELEMETRY_SIDECAR_MEMORY_MIB } from '../../../../model/telemetry-sidecar.js';
import type { TelemetryContext, TelemetrySidecar } from './telemetry-context.js';

/** The uid the collector image runs as; set explicitly so the task definition says it is not root. */
const COLLECTOR_USER = '10001';

/**
 * Provider 'cloudwatch': the AWS Distro for OpenTelemetry collector beside the app, with the
 * X-Ray configuration the image ships (`/etc/ecs/ecs-xray.yaml`: OTLP in on 4317 and 4318,
 * X-Ray out). It is not essential: when it stops, the app keeps serving and only traces are lost.
 * The task role may write traces and read sampling rules, nothing else of X-Ray's.
 *
 * Cost: X-Ray's per-trace prices (`cost/pricers/xray-traces.ts`); the collector itself runs in
 * the task's own memory, so Fargate bills nothing more.
 */
export function adotCollector(context: TelemetryContext): TelemetrySidecar {
  const { taskDefinition, logGroup } = context;
  return {
    appEnvironment: {},
    attach(app) {
      const memory = TELEMETRY_SIDECAR_MEMORY_MIB.cloudwatch;
      const collector = taskDefinition.addContainer('TelemetryCollector', {
        containerName: 'otel-collector',
        image: ecs.ContainerImage.fromRegistry(telemetryImageRef(ADOT_COLLECTOR_IMAGE)),
        command: ['--config=/etc/ecs/ecs-xray.yaml'],
        essential: false,
        user: COLLECTOR_USER,
        readonlyRootFilesystem: true,
        memoryReservationMiB: memory,
        // Room for a burst of spans while X-Ray is slow, never the app's share.
        memoryLimitMiB: memory * 2,
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'otel-collector' }),
      });
      app.addContainerDependencies({
        container: collector,
        condition: ecs.ContainerDependencyCondition.START,
      });
      const policy = taskDefinition.taskRole;
      policy.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'WriteTraces',
          actions: [
            'xray:PutTraceSegments',
            'xray:PutTelemetryRecords',
            'xray:GetSamplingRules',
            'xray:GetSamplingTargets',
          ],
          resources: ['*'],
        }),
      );
      acknowledge(
        taskDefinition.taskRole,
        'AwsSolutions-IAM5[Resource::*]',
        "X-Ray's PutTraceSegments, PutTelemetryRecords, GetSamplingRules and GetSamplingTargets have " +
          'no resource-level permissions and must name Resource "*"; the role gets only these four.',
      );
    },
  };
}

import type { Construct } from 'constructs';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { type EnvironmentRef, readValue, runtimeKeys } from '../shared/cross-stack.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { SlipwayStack } from '../shared/slipway-stack.js';
import { importDataKey } from '../shared/environment-keys.js';
import { BundledFunction } from './bundled-function.js';
import { EventQueue } from './event-queue.js';
import { eventTopic } from './event-topic.js';

export interface FunctionsStackProps {
  readonly model: AppModel;
  /** The environment whose functions these are. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-functions`: every Lambda function, SNS topic and SQS queue of the environment, after
 * the runtime stack, whose alarm topic their alarms notify, and the data stack, whose tables'
 * streams call them (each read from an SSM parameter); before the services, which publish to the
 * topics and send to the queues. A redeploy loses nothing (a topic keeps no messages, and a queue's
 * logical id is pinned so it is never replaced). Cost: per function, see `bundled-function.ts`;
 * per queue, `event-queue.ts`.
 */
export class FunctionsStack extends SlipwayStack {
  readonly functions: ReadonlyMap<string, BundledFunction>;

  constructor(scope: Construct, props: FunctionsStackProps) {
    const { model, environment: env } = props;
    const stackName = env.stackNames.functions;
    if (stackName === undefined) throw new Error(`environment ${env.name} has no functions stack`);
    super(scope, {
      app: model.app,
      stackName,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: Lambda functions, topics and queues`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const dataKey = importDataKey(this, where, env);
    const topics = new Map((env.topics ?? []).map((topic) => [topic.name, eventTopic(this, topic, dataKey)]));
    const alarmTopicArn =
      (env.functions ?? []).length + (env.queues ?? []).length > 0
        ? readValue(this, where, 'runtime', runtimeKeys.alarmTopicArn)
        : '';
    const queues = new Map(
      (env.queues ?? []).map((queue) => [
        queue.name,
        new EventQueue(this, `Queue${logicalIdPart(queue.name)}`, { model: queue, dataKey, alarmTopicArn })
          .queue,
      ]),
    );
    const functions = new Map<string, BundledFunction>();
    for (const fn of env.functions ?? []) {
      functions.set(
        fn.name,
        new BundledFunction(this, `Function${logicalIdPart(fn.name)}`, {
          model: fn,
          environment: env,
          where,
          alarmTopicArn,
          topics,
          queues,
        }),
      );
    }
    this.functions = functions;
  }
}

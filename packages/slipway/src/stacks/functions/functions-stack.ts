import type { Construct } from 'constructs';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { type EnvironmentRef, readValue, runtimeKeys } from '../shared/cross-stack.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { SlipwayStack } from '../shared/slipway-stack.js';
import { BundledFunction } from './bundled-function.js';

export interface FunctionsStackProps {
  readonly model: AppModel;
  /** The environment whose functions these are. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-functions`: every Lambda function of the environment, after the runtime stack,
 * whose alarm topic their alarms notify, and the data stack, whose tables' streams call them
 * (each read from an SSM parameter). Stateless: it can be removed and made again without
 * touching a table. Cost: per function, see `bundled-function.ts`.
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
      description: `Slipway ${model.app} ${env.name}: Lambda functions`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const alarmTopicArn = readValue(this, where, 'runtime', runtimeKeys.alarmTopicArn);
    const functions = new Map<string, BundledFunction>();
    for (const fn of env.functions ?? []) {
      functions.set(
        fn.name,
        new BundledFunction(this, `Function${logicalIdPart(fn.name)}`, {
          model: fn,
          environment: env,
          where,
          alarmTopicArn,
        }),
      );
    }
    this.functions = functions;
  }
}

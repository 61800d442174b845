import { App, type Stack } from 'aws-cdk-lib';
import type { AppModel } from '../model/types.js';
import { appContext } from './app-context.js';
import { CiStack } from './ci-stack.js';
import { DataStack, needsDataStack } from './data-stack.js';
import { NetworkStack } from './network-stack.js';
import { RuntimeStack } from './runtime-stack.js';
import { ServiceStack } from './service-stack.js';

/** Which layer a stack is; services share one kind. */
export type StackKind = 'ci' | 'network' | 'data' | 'runtime' | 'service';

/** One stack of the app and the environment it belongs to (none for the CI stack). */
export interface BuiltStack {
  readonly stack: Stack;
  readonly kind: StackKind;
  /** Environment name, or undefined for the account-level CI stack. */
  readonly environment?: string;
}

/** The CDK app built from a model, with its stacks in deploy order. */
export interface SlipwayApp {
  readonly app: App;
  /** CI first, then per environment network → data → runtime → services. */
  readonly stacks: readonly BuiltStack[];
}

export interface BuildAppOptions {
  /** Where `synth` writes the cloud assembly. */
  readonly outdir: string;
  /**
   * Run aws-cdk-lib's bundled CloudFormation validator during synth (~2 s). The plan leaves it off:
   * cfn-lint checks every template in the tests, and the checks cover the rest.
   * @default false
   */
  readonly cloudFormationValidation?: boolean;
}

/**
 * Builds every stack of the model. Pure: same model, byte-identical templates; no lookups, no
 * assets, no Lambda-backed custom resources. Stacks share values through SSM parameters only, so the
 * deploy order is declared here as explicit stack dependencies.
 */
export function buildApp(model: AppModel, options: BuildAppOptions): SlipwayApp {
  const app = new App({
    outdir: options.outdir,
    context: appContext(model),
    analyticsReporting: false,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    autoSynth: false,
  });

  const stacks: BuiltStack[] = [{ stack: new CiStack(app, { model }), kind: 'ci' }];
  for (const env of model.environments) {
    const network = new NetworkStack(app, { model, environment: env });
    const data = needsDataStack(env) ? new DataStack(app, { model, environment: env }) : undefined;
    const runtime = new RuntimeStack(app, { model, environment: env });
    data?.addStackDependency(network, 'reads the VPC and namespace ids from SSM');
    runtime.addStackDependency(network, 'reads the VPC ids from SSM');
    stacks.push({ stack: network, kind: 'network', environment: env.name });
    if (data) stacks.push({ stack: data, kind: 'data', environment: env.name });
    stacks.push({ stack: runtime, kind: 'runtime', environment: env.name });
    for (const service of env.services) {
      const stack = new ServiceStack(app, { model, environment: env, service });
      stack.addStackDependency(runtime, 'reads the cluster and listener from SSM');
      if (data) stack.addStackDependency(data, 'reads database and secret values from SSM');
      stacks.push({ stack, kind: 'service', environment: env.name });
    }
  }
  return { app, stacks };
}

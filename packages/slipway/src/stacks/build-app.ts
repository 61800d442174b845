import { App, type Stack } from 'aws-cdk-lib';
import type { AppModel } from '../model/types.js';
import { appContext } from './app-context.js';
import { CiStack } from './ci/ci-stack.js';
import { needsDataStack } from '../model/data-layer.js';
import { DataStack } from './data/data-stack.js';
import { EdgeStack } from './edge/edge-stack.js';
import { FunctionsStack } from './functions/functions-stack.js';
import { MonitoringStack } from './monitoring/monitoring-stack.js';
import { NetworkStack } from './network/network-stack.js';
import { pinServiceName, pipelineServiceName } from './ci/pipeline-names.js';
import { PipelineStack } from './ci/pipeline-stack.js';
import { PipelineTargetStack } from './ci/pipeline-target-stack.js';
import { PreviewStack } from './preview/preview-stack.js';
import type { PreviewPlan } from '../preview/preview-plan.js';
import { RuntimeStack } from './runtime/ecs/runtime-stack.js';
import { ServiceStack } from './runtime/ecs/service-stack.js';
import { ClusterStack } from './runtime/eks/cluster-stack.js';
import type { EnvironmentModel } from '../model/types.js';

/** Which layer a stack is; services share one kind. */
export type StackKind =
  | 'ci'
  | 'network'
  | 'data'
  | 'runtime'
  | 'cluster'
  | 'edge'
  | 'functions'
  | 'service'
  | 'monitoring'
  | 'pipeline'
  | 'preview';

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
  /**
   * CI first, then per environment network → data → runtime → edge → functions → services →
   * monitoring (on EKS network → data → cluster → monitoring); pipelines last.
   */
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
 * Docker, no Lambda-backed custom resources; the only assets are functions' code, bundled here by
 * esbuild. Stacks share values through SSM parameters only, so the
 * deploy order is declared here as explicit stack dependencies.
 */
export function buildApp(model: AppModel, options: BuildAppOptions): SlipwayApp {
  const app = newApp(model, options);

  const ci = new CiStack(app, { model });
  const stacks: BuiltStack[] = [{ stack: ci, kind: 'ci' }];
  const codepipeline = model.delivery?.pipeline === 'codepipeline';
  for (const env of model.environments) {
    const network = new NetworkStack(app, { model, environment: env });
    const data = needsDataStack(env) ? new DataStack(app, { model, environment: env }) : undefined;
    data?.addStackDependency(network, 'reads the VPC and namespace ids from SSM');
    if (env.runtime === 'eks') {
      stacks.push(...eksStacks(app, model, env, network, data));
      continue;
    }
    const runtime = new RuntimeStack(app, { model, environment: env });
    runtime.addStackDependency(network, 'reads the VPC ids from SSM');
    stacks.push({ stack: network, kind: 'network', environment: env.name });
    if (data) stacks.push({ stack: data, kind: 'data', environment: env.name });
    stacks.push({ stack: runtime, kind: 'runtime', environment: env.name });
    if (env.stackNames.edge !== undefined) {
      const edge = new EdgeStack(app, { model, environment: env });
      edge.addStackDependency(runtime, "is given the load balancer's ARN and name from its SSM parameters");
      stacks.push({ stack: edge, kind: 'edge', environment: env.name });
    }
    if (env.stackNames.functions !== undefined) {
      const functions = new FunctionsStack(app, { model, environment: env });
      functions.addStackDependency(runtime, 'reads the alarm topic from SSM');
      if (data) functions.addStackDependency(data, "reads the tables' stream ARNs from SSM");
      stacks.push({ stack: functions, kind: 'functions', environment: env.name });
    }
    for (const service of env.services) {
      const stack = new ServiceStack(app, { model, environment: env, service });
      // Pipelines in the CI account find the service by name; a generated name cannot travel there.
      if (codepipeline) pinServiceName(stack.service, pipelineServiceName(model.app, env.name, service.name));
      stack.addStackDependency(runtime, 'reads the cluster and listener from SSM');
      if (data) stack.addStackDependency(data, 'reads database and secret values from SSM');
      stacks.push({ stack, kind: 'service', environment: env.name });
    }
    stacks.push(...monitoringStack(app, model, env, stacks));
  }
  if (codepipeline) stacks.push(...pipelineStacks(app, model, ci));
  return { app, stacks };
}

/** An EKS environment: network, data, then the cluster; its services are objects in the GitOps folder. */
function eksStacks(
  app: App,
  model: AppModel,
  env: EnvironmentModel,
  network: NetworkStack,
  data: DataStack | undefined,
): BuiltStack[] {
  if (env.eks === undefined) throw new Error(`environment ${env.name} runs on EKS but has no cluster`);
  const cluster = new ClusterStack(app, { model, environment: env, cluster: env.eks });
  cluster.addStackDependency(network, 'reads the VPC and subnet ids from SSM');
  if (data) cluster.addStackDependency(data, 'reads database, cache and secret values from SSM');
  const built: BuiltStack[] = [
    { stack: network, kind: 'network', environment: env.name },
    ...(data ? [{ stack: data, kind: 'data' as const, environment: env.name }] : []),
    { stack: cluster, kind: 'cluster', environment: env.name },
  ];
  return [...built, ...monitoringStack(app, model, env, built)];
}

/**
 * The environment's monitoring stack, when it has one, after every other stack of the environment:
 * it reads the alarm topic, the load balancer and the caches from SSM, and its dashboard names the
 * other stacks' alarms, so it comes last.
 */
function monitoringStack(
  app: App,
  model: AppModel,
  env: EnvironmentModel,
  built: readonly BuiltStack[],
): BuiltStack[] {
  if (env.stackNames.monitoring === undefined) return [];
  const monitoring = new MonitoringStack(app, { model, environment: env });
  for (const other of built) {
    if (other.environment === env.name && other.kind !== 'edge') {
      monitoring.addStackDependency(other.stack, 'watches the rest of the environment, so it comes last');
    }
  }
  return [{ stack: monitoring, kind: 'monitoring', environment: env.name }];
}

/** An app holding one preview's stack alone: previews deploy and go on their own. */
export function buildPreviewApp(model: AppModel, preview: PreviewPlan, options: BuildAppOptions): SlipwayApp {
  const app = newApp(model, options);
  const stack = new PreviewStack(app, { model, preview });
  return { app, stacks: [{ stack, kind: 'preview', environment: preview.environment.name }] };
}

function newApp(model: AppModel, options: BuildAppOptions): App {
  return new App({
    outdir: options.outdir,
    context: appContext(model),
    analyticsReporting: false,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    autoSynth: false,
  });
}

/**
 * `delivery.pipeline: 'codepipeline'`: a target stack per environment outside the CI account or
 * region, then the pipeline stack, which reads the CI stack's repositories by name.
 */
function pipelineStacks(app: App, model: AppModel, ci: CiStack): BuiltStack[] {
  const targets = new Map<string, PipelineTargetStack>();
  const built: BuiltStack[] = [];
  for (const env of model.environments) {
    if (env.account === model.ci.account && env.region === model.ci.region) continue;
    const target = new PipelineTargetStack(app, { model, environment: env });
    targets.set(env.name, target);
    built.push({ stack: target, kind: 'pipeline', environment: env.name });
  }
  const pipeline = new PipelineStack(app, { model, targets });
  pipeline.addStackDependency(ci, 'sources images from the CI repositories');
  built.push({ stack: pipeline, kind: 'pipeline' });
  return built;
}

import type * as ecs from 'aws-cdk-lib/aws-ecs';

/** The account-level stack holding the CodePipelines. */
export function pipelineStackName(app: string): string {
  return `${app}-pipeline`;
}

/** Per environment outside the CI account or region: the pipeline's foothold there. */
export function pipelineTargetStackName(app: string, env: string): string {
  return `${app}-${env}-pipeline-target`;
}

/** One pipeline per environment and service, so a new image of one service deploys only it. */
export function pipelineName(app: string, env: string, service: string): string {
  return `${app}-${env}-${service}`;
}

/** The role every pipeline of the app runs as; named, so other accounts can trust it by ARN. */
export function pipelineRoleName(app: string): string {
  return `${app}-pipeline`;
}

/**
 * The ECS service name a pipeline deploys to. Pipelines live in another stack, often in another
 * account, so they cannot read a generated name: with CodePipeline the services get this one.
 */
export function pipelineServiceName(app: string, env: string, service: string): string {
  return `${app}-${env}-${service}`;
}

/**
 * Gives an ECS service the fixed name its pipeline deploys to. Changing a service's name replaces
 * it, so this is applied only when the app uses CodePipeline.
 */
export function pinServiceName(service: ecs.FargateService, name: string): void {
  (service.node.defaultChild as ecs.CfnService).serviceName = name;
}

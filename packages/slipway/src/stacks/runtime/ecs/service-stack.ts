import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import { buildFargateService } from './fargate-service.js';
import { ModelError } from '../../shared/model-error.js';
import { SlipwayStack } from '../../shared/slipway-stack.js';

export interface ServiceStackProps {
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
  /** The service this stack runs. */
  readonly service: ServiceModel;
}

/**
 * `<app>-<env>-<service>`: one Fargate service with its task definition, logs, security group,
 * private DNS name, listener rule, alarms and scaling. It reads everything it needs from the layer
 * stacks' SSM parameters, so it deploys on its own and is the only stack a routine release touches.
 * Cost: Fargate per vCPU-hour and GB-hour (ARM about 20 % under x86, Spot about 70 % under
 * on-demand), plus $0.005/h per task with a public IP and $0.20 a month for the two alarms.
 */
export class ServiceStack extends SlipwayStack {
  readonly service: ecs.FargateService;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, props: ServiceStackProps) {
    const { model, environment: env, service } = props;
    const stackName = env.stackNames.services[service.name];
    if (!stackName) {
      throw new ModelError(
        `environments.${env.name}.stackNames.services`,
        `no stack name for service '${service.name}'`,
        'Resolve the model from the config so every service has its stack name.',
      );
    }
    super(scope, {
      app: model.app,
      stackName,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: service ${service.name}`,
    });
    // Built straight into the stack, so the logical ids stay those of a stack of its own.
    const built = buildFargateService(this, {
      model,
      environment: env,
      service,
      where: { app: model.app, env: env.name },
    });
    this.service = built.service;
    this.taskDefinition = built.taskDefinition;
    this.securityGroup = built.securityGroup;
  }
}

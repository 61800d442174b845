import { CfnOutput } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge.js';
import type { AppModel, EnvironmentModel } from '../model/types.js';
import { accessLogBucket } from './access-log-bucket.js';
import { type EnvironmentRef, publishValue, runtimeKeys } from './cross-stack.js';
import { importVpc } from './imported-vpc.js';
import { clusterName } from './resource-names.js';
import { SlipwayStack } from './slipway-stack.js';

export interface RuntimeStackProps {
  readonly model: AppModel;
  /** The environment this cluster and load balancer serve. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-runtime`: the ECS cluster (Fargate and Fargate Spot) and the one internet-facing ALB
 * every public service attaches a listener rule to. Cost: the ALB $0.0225/h plus $0.008 per LCU-h,
 * and $0.005/h for each of its public IPv4 addresses (one per zone): half the dev floor.
 */
export class RuntimeStack extends SlipwayStack {
  readonly cluster: ecs.Cluster;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The listener services add their rules to: HTTPS with a domain, else HTTP. */
  readonly listener: elbv2.ApplicationListener;

  constructor(scope: Construct, props: RuntimeStackProps) {
    const { model, environment: env } = props;
    super(scope, {
      app: model.app,
      stackName: env.stackNames.runtime,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: ECS cluster and shared load balancer`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const vpc = importVpc(this, where, env, 'public');

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: clusterName(model.app, env.name),
      vpc,
      enableFargateCapacityProviders: true,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    const securityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc,
      description: `${model.app} ${env.name} load balancer: the internet on 80/443 only`,
      // Each service stack opens egress to its own tasks on its own port, nothing more.
      allowAllOutbound: false,
    });
    securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet');
    if (env.domain) {
      securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    }
    acknowledge(
      securityGroup,
      'AwsSolutions-EC23',
      'This is the internet-facing load balancer: it must admit 0.0.0.0/0, and only on 80 and 443; ' +
        'services limited to some callers are restricted by source-ip listener rules.',
    );

    // Membership only: every task joins it and every service admits it, so services reach each
    // other by private DNS while nothing outside the environment's tasks can.
    const services = new ec2.SecurityGroup(this, 'ServicesSecurityGroup', {
      vpc,
      description: `${model.app} ${env.name} services: members may call each other`,
      allowAllOutbound: false,
    });

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: env.production,
    });
    const logs = accessLogBucket(this, 'AccessLogBucket', { expireAfterDays: env.logRetentionDays });
    this.loadBalancer.logAccessLogs(logs, 'alb');

    if (env.domain) {
      this.listener = this.loadBalancer.addListener('HttpsListener', {
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
        certificates: [elbv2.ListenerCertificate.fromArn(env.domain.certificateArn)],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        open: false,
        defaultAction: elbv2.ListenerAction.fixedResponse(404, {
          contentType: 'text/plain',
          messageBody: 'Not found',
        }),
      });
      this.loadBalancer.addListener('HttpListener', {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
        defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
      });
    } else {
      this.listener = this.loadBalancer.addListener('HttpListener', {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: false,
        defaultAction: elbv2.ListenerAction.fixedResponse(404, {
          contentType: 'text/plain',
          messageBody: 'Not found',
        }),
      });
    }

    publishValue(this, where, 'runtime', runtimeKeys.clusterName, this.cluster.clusterName);
    publishValue(this, where, 'runtime', runtimeKeys.clusterArn, this.cluster.clusterArn);
    publishValue(this, where, 'runtime', runtimeKeys.albArn, this.loadBalancer.loadBalancerArn);
    publishValue(this, where, 'runtime', runtimeKeys.albFullName, this.loadBalancer.loadBalancerFullName);
    publishValue(this, where, 'runtime', runtimeKeys.albDnsName, this.loadBalancer.loadBalancerDnsName);
    publishValue(this, where, 'runtime', runtimeKeys.albSecurityGroupId, securityGroup.securityGroupId);
    publishValue(this, where, 'runtime', runtimeKeys.listenerArn, this.listener.listenerArn);
    publishValue(this, where, 'runtime', runtimeKeys.servicesSecurityGroupId, services.securityGroupId);
    publishValue(this, where, 'runtime', runtimeKeys.accessLogBucket, logs.bucketName);

    new CfnOutput(this, 'LoadBalancerDnsName', {
      description: env.domain
        ? `Point ${env.domain.name} (CNAME or alias) here`
        : 'Public address of the environment',
      value: this.loadBalancer.loadBalancerDnsName,
    });
  }
}

import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { type EnvironmentRef, publishValue, runtimeKeys } from '../../shared/cross-stack.js';
import { clusterName } from '../../shared/resource-names.js';

/**
 * An empty ECS cluster for the database provisioner's one-off Fargate task, published where the
 * ECS runtime publishes its own cluster, so `slipway deploy` provisions the app user on EKS
 * environments exactly as on ECS ones. An ECS cluster costs nothing by itself; the task runs for
 * seconds after each data-stack deploy. (A Kubernetes Job would need the cluster's API from the
 * deploying machine and a Secret for the master password; decision 016.)
 */
export function provisionerCluster(scope: Construct, vpc: ec2.IVpc, where: EnvironmentRef): ecs.Cluster {
  const cluster = new ecs.Cluster(scope, 'ProvisionerCluster', {
    // The ECS runtime's cluster name: the deploy role may run the provisioner only in that
    // cluster (provisioner-permissions.ts). ECS and EKS keep their cluster names apart.
    clusterName: clusterName(where.app, where.env),
    vpc,
    enableFargateCapacityProviders: true,
    // cdk-nag asks for Container Insights on every cluster; one-off tasks add only a few metrics.
    containerInsightsV2: ecs.ContainerInsights.ENABLED,
  });
  publishValue(scope, where, 'runtime', runtimeKeys.clusterName, cluster.clusterName);
  return cluster;
}

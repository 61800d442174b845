import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { AppModel, EnvironmentModel } from '../../../model/types.js';
import { regionFacts } from '../../shared/partition.js';
import { platformAccounts } from './eks-names.js';
import { type ControllerPlace, loadBalancerControllerStatements } from './load-balancer-controller-policy.js';
import { podIdentityRole } from './pod-identity-role.js';

/**
 * The AWS Load Balancer Controller's AWS identity: it turns the GitOps folder's Ingress objects
 * into application load balancers, target groups and their security groups, with the policy the
 * controller's project publishes (load-balancer-controller-policy.ts).
 */
export function loadBalancerControllerIdentity(
  scope: Construct,
  cluster: eks.ICluster,
  model: AppModel,
  env: EnvironmentModel,
): iam.Role {
  const construct = new Construct(scope, 'LoadBalancerControllerIdentity');
  const role = podIdentityRole(
    construct,
    cluster,
    platformAccounts.loadBalancerController,
    `AWS Load Balancer Controller of ${model.app} ${env.name}: the load balancers of the cluster's Ingress objects`,
  );
  const place: ControllerPlace = { ...regionFacts(env.region), region: env.region, account: env.account };
  for (const statement of loadBalancerControllerStatements(place)) role.addToPolicy(statement);
  acknowledgeWildcards(role, place);
  return role;
}

/** Each wildcard of the published policy, with why the controller cannot do with less. */
function acknowledgeWildcards(role: iam.Role, place: ControllerPlace): void {
  const arn = (service: string, resource: string) =>
    `AwsSolutions-IAM5[Resource::arn:${place.partition}:${service}:${place.region}:${place.account}:${resource}]`;
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    "The AWS Load Balancer Controller's published policy: EC2 and ELB Describe calls, ACM, WAF and " +
      'Shield lookups take no resource ARN; load balancers, target groups and security groups it creates ' +
      'do not exist yet, so the request must carry its elbv2.k8s.aws/cluster tag; changing or deleting ' +
      'them requires that tag on the resource; it opens the security groups of the nodes to its load balancers.',
  );
  acknowledge(
    role,
    arn('ec2', 'security-group/*'),
    'The controller tags only security groups as it creates them, or ones already carrying its ' +
      'elbv2.k8s.aws/cluster tag; their ids are not known before it makes them.',
  );
  const ownTagged =
    'The controller tags and registers targets with load balancers and target groups it creates at run ' +
    'time, whose names CloudFormation cannot know; retagging needs its elbv2.k8s.aws/cluster tag on them.';
  for (const resource of ['targetgroup/*/*', 'loadbalancer/net/*/*', 'loadbalancer/app/*/*']) {
    acknowledge(role, arn('elasticloadbalancing', resource), ownTagged);
  }
  const listeners =
    'The controller tags the listeners and rules of load balancers it creates at run time, in this ' +
    'account and region only; their ARNs are not known before it makes them.';
  for (const resource of [
    'listener/net/*/*/*',
    'listener/app/*/*/*',
    'listener-rule/net/*/*/*',
    'listener-rule/app/*/*/*',
  ]) {
    acknowledge(role, arn('elasticloadbalancing', resource), listeners);
  }
}

import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { privateDnsNamespace } from '../../naming/names.js';
import { type EnvironmentRef, networkKeys, publishValue } from '../shared/cross-stack.js';
import { createLogsKey, usesCustomerKeys } from '../shared/environment-keys.js';
import { environmentLogGroup } from '../shared/log-group.js';
import { privateSubnetType } from './network-layout.js';
import { SlipwayStack } from '../shared/slipway-stack.js';

export interface NetworkStackProps {
  readonly model: AppModel;
  /** The environment this VPC serves. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-network`: the VPC (one public and one private subnet per zone), its flow log and the
 * private DNS namespace services and databases are reachable under. Cost: each NAT gateway $0.045/h
 * plus $0.045/GB processed (about $33 a month before traffic); the VPC, subnets and flow-log
 * delivery themselves are free, the flow log's CloudWatch ingestion is not.
 */
export class NetworkStack extends SlipwayStack {
  readonly vpc: ec2.Vpc;
  readonly namespace: servicediscovery.PrivateDnsNamespace;

  constructor(scope: Construct, props: NetworkStackProps) {
    const { model, environment: env } = props;
    super(scope, {
      app: model.app,
      stackName: env.stackNames.network,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: VPC, flow log, private DNS namespace`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const withNat = env.network.natGateways > 0;

    const logsKey = usesCustomerKeys(env) ? createLogsKey(this, where, env) : undefined;
    const flowLogGroup = environmentLogGroup(this, 'FlowLogGroup', {
      retentionDays: env.network.flowLogRetentionDays,
      retentionPath: `environments.${env.name}.network.flowLogRetentionDays`,
      production: env.production,
      environmentName: env.name,
      encryptionKey: logsKey,
      logicalId: 'FlowLogGroup',
    });

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(env.network.cidr),
      availabilityZones: [...env.availabilityZones],
      natGateways: env.network.natGateways,
      subnetConfiguration: [
        // Nothing launches with a public IP by default; tasks that need one ask for it.
        {
          name: 'public',
          subnetType: ec2.SubnetType.PUBLIC,
          cidrMask: env.network.subnetMask,
          mapPublicIpOnLaunch: false,
        },
        { name: 'private', subnetType: privateSubnetType(env), cidrMask: env.network.subnetMask },
      ],
      // `true` adds a Lambda-backed custom resource; nothing here uses the default group.
      restrictDefaultSecurityGroup: false,
      flowLogs: {
        FlowLog: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
      // Image layers come from S3: a free gateway endpoint keeps them off the metered NAT.
      gatewayEndpoints: withNat ? { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } } : undefined,
    });

    // A Route 53 private hosted zone under the hood: `<service>.<app>.internal`, `<db>.<app>.internal`.
    this.namespace = new servicediscovery.PrivateDnsNamespace(this, 'Namespace', {
      name: privateDnsNamespace(model.app),
      vpc: this.vpc,
      description: `Private names of ${model.app} ${env.name} services and databases`,
    });

    if (env.runtime === 'eks')
      tagSubnetsForLoadBalancers(this.vpc.publicSubnets, privateSubnetsOf(this.vpc, withNat));

    publishValue(this, where, 'network', networkKeys.vpcId, this.vpc.vpcId);
    publishValue(this, where, 'network', networkKeys.vpcCidr, this.vpc.vpcCidrBlock);
    this.vpc.publicSubnets.forEach((subnet, i) => {
      publishValue(this, where, 'network', networkKeys.publicSubnetId(i), subnet.subnetId);
    });
    privateSubnetsOf(this.vpc, withNat).forEach((subnet, i) => {
      publishValue(this, where, 'network', networkKeys.privateSubnetId(i), subnet.subnetId);
    });
    publishValue(this, where, 'network', networkKeys.namespaceId, this.namespace.namespaceId);
    publishValue(this, where, 'network', networkKeys.namespaceArn, this.namespace.namespaceArn);
    publishValue(this, where, 'network', networkKeys.namespaceName, this.namespace.namespaceName);
  }
}

function privateSubnetsOf(vpc: ec2.Vpc, withNat: boolean): ec2.ISubnet[] {
  return withNat ? vpc.privateSubnets : vpc.isolatedSubnets;
}

/**
 * On EKS, load balancers are made from Ingress objects at run time (by the AWS Load Balancer
 * Controller or Auto Mode), and both find their subnets by these tags: public subnets for
 * internet-facing ones, private for internal. ECS environments do not get them, so their
 * templates stay as they are.
 */
function tagSubnetsForLoadBalancers(
  publicSubnets: readonly ec2.ISubnet[],
  privateSubnets: readonly ec2.ISubnet[],
): void {
  for (const subnet of publicSubnets) Tags.of(subnet).add('kubernetes.io/role/elb', '1');
  for (const subnet of privateSubnets) Tags.of(subnet).add('kubernetes.io/role/internal-elb', '1');
}

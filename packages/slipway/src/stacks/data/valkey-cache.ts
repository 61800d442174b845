import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { CacheModel, EnvironmentModel } from '../../model/types.js';
import { privateSubnetType } from '../network/network-layout.js';
import { environmentLogGroup } from '../shared/log-group.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';

/** The port Valkey listens on; services get it in `REDIS_URL`. */
export const VALKEY_PORT = 6379;

export interface ValkeyCacheProps {
  /** The cache as planned. */
  readonly model: CacheModel;
  /** Its environment: zones, production flag, log retention. */
  readonly environment: EnvironmentModel;
  readonly vpc: ec2.IVpc;
  /** The environment's data key and logs key; none when it uses AWS's keys. */
  readonly keys: { readonly data: kms.IKey; readonly logs: kms.IKey } | undefined;
}

/**
 * One private ElastiCache for Valkey replication group (cluster mode off): TLS required, encrypted
 * at rest (with the environment's data key when it has one), minor versions applied automatically,
 * daily snapshots kept `snapshotRetentionDays`, the slow log delivered to a log group with a
 * retention. Its security group admits nothing until a service stack adds a rule from its own
 * tasks. Cost: cache.t4g.micro about $0.0128 per node-hour, one node outside production, two
 * (primary and replica in another zone) in production; one snapshot per cache is stored free.
 */
export class ValkeyCache extends Construct {
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ValkeyCacheProps) {
    super(scope, id);
    const { model, environment: env } = props;
    const idPart = `Cache${logicalIdPart(model.name)}`;

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${model.name} cache: ingress only from service task security groups`,
      // A cache never opens connections; the egress placeholder blocks all traffic out.
      allowAllOutbound: false,
    });

    const subnetGroup = new elasticache.CfnSubnetGroup(this, 'SubnetGroup', {
      description: `Private subnets of the ${model.name} cache`,
      subnetIds: props.vpc.selectSubnets({ subnetType: privateSubnetType(env) }).subnetIds,
    });
    pinLogicalId(subnetGroup, `${idPart}SubnetGroup`);

    const slowLog = environmentLogGroup(this, 'SlowLog', {
      retentionDays: env.logRetentionDays,
      retentionPath: `environments.${env.name}.logRetentionDays`,
      production: env.production,
      environmentName: env.name,
      encryptionKey: props.keys?.logs,
      logicalId: `${idPart}SlowLogGroup`,
    });

    const replicated = model.nodes > 1;
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupDescription: `${model.name} cache of ${env.name}`,
      engine: 'valkey',
      engineVersion: model.engineVersion,
      cacheNodeType: model.nodeType,
      numCacheClusters: model.nodes,
      // Failover and Multi-AZ need a replica to promote; a single node has none.
      automaticFailoverEnabled: replicated,
      multiAzEnabled: replicated,
      cacheSubnetGroupName: subnetGroup.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      port: VALKEY_PORT,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      atRestEncryptionEnabled: true,
      kmsKeyId: props.keys?.data.keyArn,
      autoMinorVersionUpgrade: true,
      snapshotRetentionLimit: model.snapshotRetentionDays,
      logDeliveryConfigurations: [
        {
          logType: 'slow-log',
          logFormat: 'json',
          destinationType: 'cloudwatch-logs',
          destinationDetails: { cloudWatchLogsDetails: { logGroup: slowLog.logGroupName } },
        },
      ],
    });
    this.replicationGroup.node.addDependency(slowLog);
    // A cache holds what can be computed again, so outside production it goes with its stack; in
    // production a final snapshot keeps the warm data in case the removal was a mistake.
    this.replicationGroup.applyRemovalPolicy(env.production ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY);
    pinLogicalId(this.replicationGroup, `${idPart}ReplicationGroup`);

    const noAuth =
      'The cache takes no AUTH token and no RBAC user group on purpose: a token is a shared password ' +
      'every client must hold and rotating it needs a Lambda, which Slipway does not deploy, and ' +
      'ElastiCache IAM users need every client to sign a fresh token each 15 minutes, which a plain ' +
      'REDIS_URL client cannot. What guards it is ' +
      'the network: private subnets, a security group that admits only the task security groups of ' +
      'the services that declare the cache, and TLS required on every connection.';
    // Control Tower's CT.ELASTICACHE.PR.3, .7 and .8 (failover, AUTH, RBAC) only look at groups whose
    // Engine is 'redis', so they pass over this one; the same choices answer cdk-nag's rules here.
    acknowledge(this.replicationGroup, 'AwsSolutions-AEC6', noAuth);
    if (!replicated) {
      const single =
        `${env.name} runs the ${model.name} cache on one node: a lost node costs a cold cache, not ` +
        'data, and a replica would double the cost; production environments are validated to have ' +
        `two nodes with Multi-AZ and automatic failover. Set caches.${model.name}.nodes to 2 for them here.`;
      acknowledge(this.replicationGroup, 'AwsSolutions-AEC4', single);
    }
  }

  /** The primary endpoint's host name, which the TLS certificate names. */
  get host(): string {
    return this.replicationGroup.attrPrimaryEndPointAddress;
  }

  /** The primary endpoint's port, as a string. */
  get port(): string {
    return this.replicationGroup.attrPrimaryEndPointPort;
  }
}

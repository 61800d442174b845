import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { DatabaseModel, EnvironmentModel } from '../../model/types.js';
import { pinLogicalId } from '../shared/logical-ids.js';
import { DEFAULT_POSTGRES_PORT, EXPORTED_LOGS, exportedLogGroups } from './exported-logs.js';

export interface ReadReplicasProps {
  readonly model: DatabaseModel;
  readonly environment: EnvironmentModel;
  /** The writer every replica copies. */
  readonly source: rds.DatabaseInstance;
  /** The writer's identifier; replica `n` is `<source>-replica-<n>`. */
  readonly sourceIdentifier: string;
  readonly instanceType: ec2.InstanceType;
  readonly vpc: ec2.IVpc;
  readonly subnetGroup: rds.ISubnetGroup;
  /** The writer's group: whatever may reach the writer may reach its replicas, nothing else. */
  readonly securityGroup: ec2.ISecurityGroup;
  readonly parameterGroup: rds.IParameterGroup;
  /** The writer's enhanced-monitoring role, when monitoring is on. */
  readonly monitoringRole: iam.IRole | undefined;
  /** The environment's keys, for Performance Insights and the log groups; none with AWS's keys. */
  readonly keys: { readonly data: kms.IKey; readonly logs: kms.IKey } | undefined;
  /** Logical-id prefix of the database, e.g. `DatabaseMain`. */
  readonly idPart: string;
}

/** Identifier of replica `index` (from 1). */
export function replicaIdentifier(sourceIdentifier: string, index: number): string {
  return `${sourceIdentifier}-replica-${index}`;
}

/**
 * `readReplicas` copies of the writer for read-only queries: same class, subnets, security group,
 * TLS-only parameter group, IAM authentication, monitoring and log exports as the writer. RDS
 * creates them with backups off and encrypts them with the writer's key, so a replica holds no data
 * of its own: it goes with its stack instead of leaving a snapshot. Cost: the writer's instance
 * and storage price again per replica (single-AZ).
 */
export function readReplicas(scope: Construct, props: ReadReplicasProps): rds.DatabaseInstanceReadReplica[] {
  const { model, environment: env } = props;
  return Array.from({ length: model.readReplicas }, (_, i) => {
    const index = i + 1;
    const identifier = replicaIdentifier(props.sourceIdentifier, index);
    const idPart = `${props.idPart}Replica${index}`;
    const logGroups = exportedLogGroups(scope, {
      instanceIdentifier: identifier,
      environment: env,
      logsKey: props.keys?.logs,
      idPrefix: `Replica${index}`,
      logicalIdPrefix: idPart,
    });
    const replica = new rds.DatabaseInstanceReadReplica(scope, `Replica${index}`, {
      sourceDatabaseInstance: props.source,
      instanceIdentifier: identifier,
      instanceType: props.instanceType,
      vpc: props.vpc,
      subnetGroup: props.subnetGroup,
      securityGroups: [props.securityGroup],
      publiclyAccessible: false,
      port: model.port,
      parameterGroup: props.parameterGroup,
      iamAuthentication: true,
      storageType: rds.StorageType.GP3,
      allocatedStorage: model.allocatedStorageGb,
      maxAllocatedStorage: model.maxAllocatedStorageGb,
      deletionProtection: model.deletionProtection,
      enablePerformanceInsights: model.performanceInsights,
      performanceInsightEncryptionKey: model.performanceInsights ? props.keys?.data : undefined,
      cloudwatchLogsExports: EXPORTED_LOGS.map((log) => log.type),
      ...(model.monitoringIntervalSeconds > 0 && props.monitoringRole
        ? {
            monitoringInterval: Duration.seconds(model.monitoringIntervalSeconds),
            monitoringRole: props.monitoringRole,
          }
        : {}),
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const group of logGroups) replica.node.addDependency(group);
    pinLogicalId(replica, `${idPart}Instance`);
    acknowledgeReplicaChoices(replica, props);
    return replica;
  });
}

/** What cdk-nag reports on a replica that is a property of its writer, or of being a replica. */
function acknowledgeReplicaChoices(replica: rds.DatabaseInstanceReadReplica, props: ReadReplicasProps): void {
  const { model, environment: env } = props;
  acknowledge(
    replica,
    'AwsSolutions-RDS2',
    "Encrypted: RDS encrypts a replica in the writer's region with the writer's own key and refuses " +
      'a key or encryption setting of its own, so the template leaves both out.',
  );
  acknowledge(
    replica,
    'AwsSolutions-RDS3',
    'A replica only spreads reads and holds no data of its own; losing its zone leaves the writer ' +
      `serving${env.production ? ' (Multi-AZ in production)' : ''}, and RDS rebuilds the replica from it.`,
  );
  if (model.port === DEFAULT_POSTGRES_PORT) {
    acknowledge(
      replica,
      'AwsSolutions-RDS11',
      "The writer's port, for the writer's reason: a non-default port only hides the replica from scanners " +
        'it is already closed to, in private subnets behind the security group of the services that declare it.',
    );
  }
  if (!env.production && !model.deletionProtection) {
    acknowledge(
      replica,
      'AwsSolutions-RDS10',
      `${env.name} is not production and must tear down cleanly, like its writer; a replica holds no data ` +
        'of its own to protect.',
    );
  }
}

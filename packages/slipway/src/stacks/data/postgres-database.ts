import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { DatabaseModel, EnvironmentModel } from '../../model/types.js';
import { databaseMonitoringRole } from './database-monitoring-role.js';
import { DEFAULT_POSTGRES_PORT, EXPORTED_LOGS, exportedLogGroups } from './exported-logs.js';
import { readReplicas } from './read-replicas.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';
import { ModelError } from '../shared/model-error.js';
import { privateSubnetType } from '../network/network-layout.js';

export interface PostgresDatabaseProps {
  /** The database as planned. */
  readonly model: DatabaseModel;
  /** Its environment: zones, production flag, log retention. */
  readonly environment: EnvironmentModel;
  /** RDS instance identifier; fixes the log group name too. */
  readonly instanceIdentifier: string;
  readonly vpc: ec2.IVpc;
  /** The environment's private DNS namespace; the endpoint is registered as `<name>.<namespace>`. */
  readonly namespace: servicediscovery.INamespace;
  /** The environment's data key and logs key; none when it uses AWS's keys. */
  readonly keys: { readonly data: kms.IKey; readonly logs: kms.IKey } | undefined;
}

/**
 * One private RDS PostgreSQL instance with the settings CDK leaves off by default made explicit:
 * encrypted gp3, TLS forced, IAM authentication, an RDS-managed and RDS-rotated master password
 * (no secret in the template, no rotation Lambda), postgresql and upgrade logs exported with a
 * retention, enhanced monitoring where the model asks for it, and a snapshot on delete. Its security
 * group admits nothing until a service stack adds a rule from its own tasks. Cost: db.t4g.micro
 * $0.016/h single-AZ, twice that Multi-AZ; gp3 $0.115 per GB-month; enhanced monitoring is billed
 * as CloudWatch Logs ingestion into RDSOSMetrics (priced by the estimator).
 */
export class PostgresDatabase extends Construct {
  readonly instance: rds.DatabaseInstance;
  /** Read-only copies of the instance, `readReplicas` of them; empty by default. */
  readonly replicas: readonly rds.DatabaseInstanceReadReplica[];
  readonly securityGroup: ec2.SecurityGroup;
  /**
   * The Cloud Map alias of the endpoint, e.g. `main.megadolls.internal`, for people and tools in
   * the VPC. Services connect to the endpoint itself, which the certificate and IAM tokens name.
   */
  readonly hostName: string;

  constructor(scope: Construct, id: string, props: PostgresDatabaseProps) {
    super(scope, id);
    const { model, environment: env } = props;
    const path = `environments.${env.name}.databases.${model.name}`;
    const idPart = `Database${logicalIdPart(model.name)}`;
    const engine = rds.DatabaseInstanceEngine.postgres({
      version: postgresVersion(model.engineVersion, path),
    });

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${model.name} database: ingress only from service task security groups`,
      // A database never opens connections; the egress placeholder blocks all traffic out.
      allowAllOutbound: false,
    });

    // Replacing a subnet group replaces the instance (aws-cdk #31426): keep it, pin its id.
    const subnetGroup = new rds.SubnetGroup(this, 'SubnetGroup', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: privateSubnetType(env) },
      description: `Private subnets of the ${model.name} database`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    pinLogicalId(subnetGroup, `${idPart}SubnetGroup`);

    const parameterGroup = new rds.ParameterGroup(this, 'ParameterGroup', {
      engine,
      description: `${model.name} database: TLS required`,
      parameters: { 'rds.force_ssl': '1' },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // RDS writes to these fixed names; creating them first gives them a retention instead of
    // "never expire". The postgresql group keeps its original logical id (stateful-resources.json).
    const logGroups = exportedLogGroups(this, {
      instanceIdentifier: props.instanceIdentifier,
      environment: env,
      logsKey: props.keys?.logs,
      idPrefix: '',
      logicalIdPrefix: idPart,
    });
    // Changing the interval or turning it on or off modifies the instance in place (CloudFormation:
    // no interruption), so the default can follow the stage without a replacement.
    const monitoringRole =
      model.monitoringIntervalSeconds > 0 ? databaseMonitoringRole(this, 'MonitoringRole', env) : undefined;
    const monitoring = monitoringRole
      ? { monitoringInterval: Duration.seconds(model.monitoringIntervalSeconds), monitoringRole }
      : {};

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      engine,
      instanceIdentifier: props.instanceIdentifier,
      instanceType: instanceType(model.instanceClass, path),
      vpc: props.vpc,
      subnetGroup,
      securityGroups: [this.securityGroup],
      publiclyAccessible: false,
      port: model.port,
      databaseName: model.databaseName,
      // The master secret, the storage, its snapshots and Performance Insights share the data key.
      credentials: rds.Credentials.fromUsername(model.masterUsername, { encryptionKey: props.keys?.data }),
      manageMasterUserPassword: true,
      iamAuthentication: true,
      parameterGroup,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      storageEncryptionKey: props.keys?.data,
      allocatedStorage: model.allocatedStorageGb,
      maxAllocatedStorage: model.maxAllocatedStorageGb,
      multiAz: model.multiAz,
      backupRetention: Duration.days(model.backupRetentionDays),
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: !model.keepAutomatedBackups,
      deletionProtection: model.deletionProtection,
      enablePerformanceInsights: model.performanceInsights,
      performanceInsightEncryptionKey: model.performanceInsights ? props.keys?.data : undefined,
      cloudwatchLogsExports: EXPORTED_LOGS.map((log) => log.type),
      ...monitoring,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    for (const group of logGroups) this.instance.node.addDependency(group);
    pinLogicalId(this.instance, `${idPart}Instance`);
    // The parameter group's resource exists only once an instance has bound it.
    pinLogicalId(parameterGroup.node.findChild('Resource'), `${idPart}ParameterGroup`);

    if (model.port === DEFAULT_POSTGRES_PORT) {
      acknowledge(
        this.instance,
        'AwsSolutions-RDS11',
        'A non-default port only hides the database from scanners it is already closed to: it sits in ' +
          'private subnets and admits only the task security groups of the services that declare it.',
      );
      // AWS's control holds that a non-default port lowers exposure to automated attacks on known
      // ports; a one-port scan finds it anyway, so Slipway keeps the default and says why.
      acknowledge(
        this.instance,
        'CT.RDS.PR.20',
        'PostgreSQL keeps its default port on purpose. The control counts a non-default port as less ' +
          'exposure to automated attacks on known ports, but a scan finds any port, so moving it is ' +
          'obscurity rather than a control; what protects the instance is that it sits in private ' +
          'subnets, admits only the security groups of the services that declare it, and enforces TLS ' +
          `with IAM authentication on. Set databases.${model.name}.port if your policy asks for another port.`,
      );
    }
    if (props.keys === undefined) {
      acknowledge(
        this.instance,
        'CT.RDS.PR.30',
        `${env.name} uses AWS-managed encryption: the storage, its snapshots and the master secret are ` +
          "encrypted with RDS's and Secrets Manager's own keys, at no charge. A customer-managed key adds " +
          '$1 a month, a key policy that decides who may use it (and who may restore or share a snapshot), ' +
          `and its own trail in CloudTrail; set environments.${env.name}.encryption to 'customer-managed' ` +
          'before the database holds data, since changing the key of an existing instance replaces it.',
      );
    }
    if (!env.production && !model.multiAz) {
      const reason =
        `${env.name} is not production: single-AZ halves the database cost (the dev floor in COSTS.md); ` +
        'production environments are validated to be Multi-AZ.';
      acknowledge(this.instance, 'AwsSolutions-RDS3', reason);
      acknowledge(this.instance, 'CT.RDS.PR.1', reason);
    }
    if (!env.production && !model.deletionProtection) {
      const reason =
        `${env.name} is not production and must tear down cleanly; the instance still leaves a final ` +
        'snapshot, and production environments are validated to have deletion protection.';
      acknowledge(this.instance, 'AwsSolutions-RDS10', reason);
      acknowledge(this.instance, 'CT.RDS.PR.13', reason);
    }
    if (!env.production && model.monitoringIntervalSeconds === 0) {
      acknowledge(
        this.instance,
        'CT.RDS.PR.2',
        `${env.name} is not production: enhanced monitoring is off there by default, since its OS ` +
          'metrics are billed as CloudWatch Logs ingestion and a dev database rarely needs them; ' +
          `production defaults to 60 seconds. Set databases.${model.name}.monitoringIntervalSeconds to turn it on.`,
      );
    }

    this.replicas = readReplicas(this, {
      model,
      environment: env,
      source: this.instance,
      sourceIdentifier: props.instanceIdentifier,
      instanceType: instanceType(model.instanceClass, path),
      vpc: props.vpc,
      subnetGroup,
      securityGroup: this.securityGroup,
      parameterGroup,
      monitoringRole,
      keys: props.keys,
      idPart,
    });

    const discovery = new servicediscovery.Service(this, 'Discovery', {
      namespace: props.namespace,
      name: model.name,
      description: `${model.name} database endpoint`,
      dnsRecordType: servicediscovery.DnsRecordType.CNAME,
      dnsTtl: Duration.seconds(30),
    });
    discovery.registerCnameInstance('Endpoint', {
      instanceCname: this.instance.dbInstanceEndpointAddress,
    });
    this.hostName = `${model.name}.${props.namespace.namespaceName}`;
  }
}

/** `'17.6'` → the engine version object; CDK needs the major version alongside the full one. */
function postgresVersion(version: string, path: string): rds.PostgresEngineVersion {
  const match = /^(\d+)\.\d+$/.exec(version);
  if (!match?.[1]) {
    throw new ModelError(
      `${path}.engineVersion`,
      `"${version}" is not a PostgreSQL version of the form <major>.<minor>`,
      "Write the full version RDS offers, e.g. '17.6'.",
    );
  }
  return rds.PostgresEngineVersion.of(version, match[1]);
}

/** `'db.t4g.micro'` → the EC2 instance type RDS's `db.` class names. */
function instanceType(instanceClass: string, path: string): ec2.InstanceType {
  const match = /^db\.([a-z0-9-]+\.[a-z0-9]+)$/.exec(instanceClass);
  if (!match?.[1]) {
    throw new ModelError(
      `${path}.instanceClass`,
      `"${instanceClass}" is not an RDS instance class`,
      "Write it as RDS does, e.g. 'db.t4g.micro'.",
    );
  }
  return new ec2.InstanceType(match[1]);
}

import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { DatabaseModel, EnvironmentModel } from '../../model/types.js';
import { PROVISION_COMMAND, PROVISION_SQL } from '../../provision/provision-script.js';
import { environmentLogGroup } from '../shared/log-group.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { ModelError } from '../shared/model-error.js';
import { provisionerFamily, provisionerRoleName } from '../shared/resource-names.js';

/**
 * The PostgreSQL client the provisioner runs: the official image's `psql`, from the ECR Public
 * mirror of Docker's library (no Docker Hub rate limit), pinned to a release. psql talks to every
 * server version RDS offers, so one image serves every engine version.
 */
export const PROVISIONER_IMAGE = 'public.ecr.aws/docker/library/postgres:17.6-alpine';

/**
 * The image's own unprivileged `postgres` user (uid 70 in the Alpine images, 999 in the Debian
 * ones); by name, so it stays right if the image's base changes. psql needs no more.
 */
export const PROVISIONER_USER = 'postgres';

const PROVISIONER_MEMORY_MIB = 512;

export interface DatabaseProvisionerProps {
  readonly environment: EnvironmentModel;
  readonly database: DatabaseModel;
  readonly app: string;
  readonly instance: rds.DatabaseInstance;
  /** The database's own security group; the provisioner gets a rule on it. */
  readonly databaseSecurityGroup: ec2.SecurityGroup;
  readonly vpc: ec2.IVpc;
  /** The environment's logs key, for the provisioner's log group; none with AWS's keys. */
  readonly logsKey: kms.IKey | undefined;
}

/**
 * A one-off ECS task that signs in as the master user and creates the least-privilege roles and
 * databases services use (decision 010): no Lambda, no custom resource, nothing running between
 * runs. With no overrides it ensures the environment's own app role (`appUsername`, IAM
 * authentication) can use `databaseName`; `slipway preview` runs it with overrides for a preview's
 * own database and role, and again to drop them. Only the execution role may read the master
 * secret, and only to hand it to this container; the task role can do nothing.
 * Cost: a 0.25 vCPU / 0.5 GB task for the few seconds it runs, well under a cent per deploy.
 */
export class DatabaseProvisioner extends Construct {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DatabaseProvisionerProps) {
    super(scope, id);
    const { environment: env, database, app } = props;
    const secret = props.instance.secret;
    if (!secret) {
      throw new ModelError(
        `environments.${env.name}.databases.${database.name}`,
        'the instance has no master secret for the provisioner to sign in with',
        'Keep the RDS-managed master password on (Slipway always sets it).',
      );
    }
    const family = provisionerFamily(app, env.name, database.name);
    const roleName = (kind: 'exec' | 'task') =>
      checkedRoleName(provisionerRoleName(app, env.name, database.name, kind), env, database);

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      family,
      cpu: 256,
      memoryLimitMiB: PROVISIONER_MEMORY_MIB,
      runtimePlatform: {
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
      },
      // Fixed names, so the GitHub deploy role can be allowed to pass exactly these two.
      executionRole: new iam.Role(this, 'ExecutionRole', {
        roleName: roleName('exec'),
        assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
        description: `Starts the ${database.name} database provisioner of ${app} ${env.name}`,
      }),
      taskRole: new iam.Role(this, 'TaskRole', {
        roleName: roleName('task'),
        assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
        description: `The ${database.name} database provisioner of ${app} ${env.name}: no permissions`,
      }),
    });
    const logGroup = environmentLogGroup(this, 'LogGroup', {
      retentionDays: env.logRetentionDays,
      retentionPath: `environments.${env.name}.logRetentionDays`,
      production: env.production,
      environmentName: env.name,
      encryptionKey: props.logsKey,
      logicalId: `Database${logicalIdPart(database.name)}ProvisionerLogGroup`,
    });
    this.taskDefinition.addContainer('Container', {
      containerName: 'provision',
      image: ecs.ContainerImage.fromRegistry(PROVISIONER_IMAGE),
      command: [...PROVISION_COMMAND],
      environment: {
        PGHOST: props.instance.dbInstanceEndpointAddress,
        PGPORT: String(database.port),
        PGDATABASE: 'postgres',
        // The same encryption the services use; rds.force_ssl refuses anything less.
        PGSSLMODE: 'require',
        PGCONNECT_TIMEOUT: '15',
        PGAPPNAME: 'slipway-provision',
        SLIPWAY_ACTION: 'ensure',
        SLIPWAY_DATABASE: database.databaseName,
        SLIPWAY_ROLE: database.appUsername,
        SLIPWAY_PROVISION_SQL: PROVISION_SQL,
      },
      secrets: {
        PGUSER: ecs.Secret.fromSecretsManager(secret, 'username'),
        PGPASSWORD: ecs.Secret.fromSecretsManager(secret, 'password'),
      },
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'provision' }),
      essential: true,
      user: PROVISIONER_USER,
      // psql reads its script from a pipe and writes only to its output (no history when not
      // interactive, no psqlrc), so it needs no writable path at all.
      readonlyRootFilesystem: true,
      memoryLimitMiB: PROVISIONER_MEMORY_MIB,
    });
    acknowledge(
      this.taskDefinition,
      'AwsSolutions-ECS2',
      'These variables are the connection settings and the SQL script; the master credentials ' +
        'arrive as container secrets from the RDS-managed secret.',
    );

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${database.name} database provisioner: no ingress`,
      // It pulls its image from ECR Public and reaches the database; it accepts nothing.
      allowAllOutbound: true,
    });
    props.databaseSecurityGroup.addIngressRule(
      this.securityGroup,
      ec2.Port.tcp(database.port),
      'The database provisioner task',
    );
  }
}

/** IAM role names stop at 64 characters. */
function checkedRoleName(name: string, env: EnvironmentModel, database: DatabaseModel): string {
  if (name.length > 64) {
    throw new ModelError(
      `environments.${env.name}.databases.${database.name}`,
      `the provisioner role name '${name}' is ${name.length} characters; IAM allows 64`,
      `Shorten the app, environment or database name by ${name.length - 64} characters.`,
    );
  }
  return name;
}

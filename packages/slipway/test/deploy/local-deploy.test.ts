import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListServicesCommand,
} from '@aws-sdk/client-ecs';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetParametersByPathCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { StackFailedError, StatefulChangeRefusedError } from '../../src/deploy/errors.js';
import {
  type DeployResult,
  deployEnvironment,
  destroyEnvironment,
  diffEnvironment,
} from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { useEmulator } from '../local-cloud/emulator.js';

const examples = path.resolve(import.meta.dirname, '../../../../examples');
const configOf = (name: string) => path.join(examples, name, 'slipway.config.ts');

/** The example's model with one change to its dev environment. */
function withDev(
  model: AppModel,
  change: (env: AppModel['environments'][number]) => AppModel['environments'][number],
): AppModel {
  return { ...model, environments: model.environments.map((e) => (e.name === 'dev' ? change(e) : e)) };
}

describe('deploying the examples to the local emulator', () => {
  const emulator = useEmulator();
  let medications: AppModel;
  const deploy = (model: AppModel, options: Parameters<typeof deployEnvironment>[2] = {}) =>
    deployEnvironment(model, 'dev', { ...emulator.target(), ...options });
  /** A `slipway` command line on one example environment, against this file's emulator. */
  const slipwayLocal = (command: string, example: string, env: string, ...extra: string[]) =>
    emulator.cli(command, configOf(example), env, ...extra);

  beforeAll(async () => {
    medications = await loadConfig(configOf('medications'));
  });

  async function parameters(prefix: string): Promise<Record<string, string>> {
    const ssm = new SSMClient(emulator.config());
    const found: Record<string, string> = {};
    let token: string | undefined;
    do {
      const page = await ssm.send(
        new GetParametersByPathCommand({ Path: prefix, Recursive: true, NextToken: token }),
      );
      for (const p of page.Parameters ?? []) found[p.Name ?? ''] = p.Value ?? '';
      token = page.NextToken;
    } while (token);
    return found;
  }

  async function database(identifier: string) {
    const answer = await new RDSClient(emulator.config()).send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }),
    );
    return answer.DBInstances?.[0];
  }

  async function services(cluster: string) {
    const ecs = new ECSClient(emulator.config());
    const arns = (await ecs.send(new ListServicesCommand({ cluster }))).serviceArns ?? [];
    return (await ecs.send(new DescribeServicesCommand({ cluster, services: arns }))).services ?? [];
  }

  it('deploys medications dev: VPC, subnets, service, database, parameters and outputs, then redeploys a new count in place', async () => {
    const run = await slipwayLocal('deploy', 'medications', 'dev', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as DeployResult;
    expect(result.stacks.map((s) => [s.name, s.action])).toEqual([
      ['medications-ci', 'created'],
      ['medications-dev-network', 'created'],
      ['medications-dev-data', 'created'],
      ['medications-dev-runtime', 'created'],
      ['medications-dev-api', 'created'],
    ]);
    // The whole app is planned (the CI stack holds every environment's deploy role), in one account.
    expect(result.accountMappings).toEqual([
      { from: '111111111111', to: '123456789012', usedBy: ['ci', 'dev'] },
      { from: '222222222222', to: '123456789012', usedBy: ['prod'] },
    ]);
    expect(result.emulatorLimits.join(' ')).toContain('no containers run');

    const published = await parameters('/medications/dev/');
    const ec2 = new EC2Client(emulator.config());
    const vpc = (
      await ec2.send(
        new DescribeVpcsCommand({ VpcIds: [published['/medications/dev/network/vpc-id'] ?? ''] }),
      )
    ).Vpcs?.[0];
    expect(vpc?.CidrBlock).toBe('10.0.0.0/16');
    const subnets =
      (
        await ec2.send(
          new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc?.VpcId ?? ''] }] }),
        )
      ).Subnets ?? [];
    expect(subnets.map((s) => s.AvailabilityZone).sort()).toEqual([
      'us-east-1a',
      'us-east-1a',
      'us-east-1b',
      'us-east-1b',
    ]);
    expect(subnets.map((s) => s.SubnetId)).toContain(
      published['/medications/dev/network/private-subnet-1-id'],
    );

    const [service] = await services('medications-dev');
    expect(service?.desiredCount).toBe(1);
    expect(service?.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({
      enable: true,
      rollback: true,
    });
    expect(service?.capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
    const api = result.stacks.find((s) => s.name === 'medications-dev-api');
    expect(api?.outputs.ServiceName).toBe(service?.serviceName);
    // Dev is on the HTTP API (nothing in medications needs the load balancer): its address is the API's.
    expect(result.stacks.find((s) => s.name === 'medications-dev-runtime')?.outputs.Url).toBe(
      published['/medications/dev/runtime/http-api-endpoint'],
    );

    const db = await database('medications-dev-main');
    expect(db).toMatchObject({
      DBName: 'medications',
      IAMDatabaseAuthenticationEnabled: true,
      StorageEncrypted: true,
      PubliclyAccessible: false,
    });
    expect(db?.VpcSecurityGroups?.[0]?.VpcSecurityGroupId).toBe(
      published['/medications/dev/data/main/security-group-id'],
    );
    expect(published['/medications/dev/data/main/resource-id']).toBe(db?.DbiResourceId);
    // The service reaches the instance by the endpoint its certificate names (and RDS signs IAM
    // tokens for), resolved at deploy from the data stack's parameter, and verifies it.
    const definition = await new ECSClient(emulator.config()).send(
      new DescribeTaskDefinitionCommand({ taskDefinition: service?.taskDefinition }),
    );
    const variables = Object.fromEntries(
      (definition.taskDefinition?.containerDefinitions?.[0]?.environment ?? []).map((v) => [v.name, v.value]),
    );
    expect(db?.Endpoint?.Address).toMatch(/\.rds\.amazonaws\.com$/);
    expect(variables).toMatchObject({ DATABASE_HOST: db?.Endpoint?.Address, DATABASE_SSL: 'verify-full' });
    // Unprivileged, read-only but for /tmp on task storage, capped at the task's memory.
    expect(definition.taskDefinition?.containerDefinitions?.[0]).toMatchObject({
      user: '1000',
      readonlyRootFilesystem: true,
      memory: 512,
      mountPoints: [{ containerPath: '/tmp', sourceVolume: 'writable-tmp', readOnly: false }],
    });
    expect(definition.taskDefinition?.volumes?.map((v) => v.name)).toEqual(['writable-tmp']);

    const scaled = withDev(medications, (env) => ({
      ...env,
      services: env.services.map((s) => ({ ...s, desiredCount: 2, maxCount: 3 })),
    }));
    const again = await deploy(scaled);
    expect(again.stacks.map((s) => [s.name, s.action])).toEqual([
      ['medications-dev-network', 'unchanged'],
      ['medications-dev-data', 'unchanged'],
      ['medications-dev-runtime', 'unchanged'],
      ['medications-dev-api', 'updated'],
    ]);
    expect(again.skipped).toEqual(['medications-ci']);
    expect((await services('medications-dev'))[0]?.desiredCount).toBe(2);
    const after = await database('medications-dev-main');
    expect(after?.DBInstanceIdentifier).toBe(db?.DBInstanceIdentifier);
    expect(after?.DbiResourceId).toBe(db?.DbiResourceId);

    const diff = await diffEnvironment(scaled, 'dev', emulator.target());
    expect(diff.stacks.flatMap((s) => s.changes)).toEqual([]);
  });

  it('shows no changes in `slipway diff --json` right after a deploy, and the pending ones before', async () => {
    const before = JSON.parse((await slipwayLocal('diff', 'megadolls', 'dev', '--json')).stdout) as {
      stacks: { name: string; changes: { action: string }[] }[];
    };
    expect(before.stacks.map((s) => s.name)).toEqual([
      'megadolls-ci',
      'megadolls-dev-network',
      'megadolls-dev-data',
      'megadolls-dev-runtime',
      'megadolls-dev-web',
      'megadolls-dev-pgadmin',
      'megadolls-dev-monitoring',
    ]);
    expect(
      before.stacks.every((s) => s.changes.length > 0 && s.changes.every((c) => c.action === 'add')),
    ).toBe(true);

    expect((await slipwayLocal('deploy', 'megadolls', 'dev')).code).toBe(0);
    const after = await slipwayLocal('diff', 'megadolls', 'dev', '--json');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).stacks).toEqual(
      before.stacks.map((s) => ({ name: s.name, changes: [] })),
    );
    expect((await slipwayLocal('diff', 'megadolls', 'dev')).stdout).toContain(
      '✓ No changes: what is deployed matches the config.',
    );

    // What megadolls adds over medications: two services (one limited to the office), a secret.
    const deployed = await services('megadolls-dev');
    expect(deployed.map((s) => s.serviceName?.split('-')[2]).sort()).toEqual(['pgadmin', 'web']);
    expect(deployed.every((s) => (s.serviceRegistries ?? []).length === 1)).toBe(true);
    const published = await parameters('/megadolls/dev/');
    expect(published['/megadolls/dev/data/secrets/pgadminPassword/arn']).toMatch(
      /^arn:aws:secretsmanager:us-east-1:123456789012:secret:megadolls\/pgadmin-/,
    );
    expect((await database('megadolls-dev-main'))?.DBInstanceClass).toBe('db.t4g.small');
  });

  it('refuses a change that would replace the database, and leaves it as it was', async () => {
    await deploy(medications);
    const db = await database('medications-dev-main');
    const renamed = withDev(medications, (env) => ({
      ...env,
      databases: env.databases.map((d) => ({ ...d, databaseName: 'medications_v2' })),
    }));
    const attempt = deploy(renamed);
    await expect(attempt).rejects.toBeInstanceOf(StatefulChangeRefusedError);
    await expect(deploy(renamed)).rejects.toThrow(
      /medications-dev-data {2}DatabaseMainInstance \(AWS::RDS::DBInstance\) would be replaced: a new DBName requires replacement/,
    );
    expect((await database('medications-dev-main'))?.DbiResourceId).toBe(db?.DbiResourceId);
    expect((await database('medications-dev-main'))?.DBName).toBe('medications');

    const unchanged = await slipwayLocal('diff', 'medications', 'dev');
    expect(unchanged.code).toBe(0); // the config itself did not change

    // Named with --allow-replace, the replacement goes through; going back is flagged in turn.
    const replaced = await deploy(renamed, { allowReplace: ['DatabaseMainInstance'] });
    expect(replaced.stacks.find((s) => s.name === 'medications-dev-data')?.action).toBe('updated');
    const back = await slipwayLocal('diff', 'medications', 'dev');
    expect(back.code).toBe(1);
    expect(back.stdout).toMatch(
      /± replace +DatabaseMainInstance +AWS::RDS::DBInstance +STATEFUL +a new DBName requires replacement/,
    );
    expect(back.stdout).toContain('slipway deploy --env dev --allow-replace DatabaseMainInstance');
  });

  it('deploys a new image tag as a new task definition revision the service runs', async () => {
    await deploy(medications);
    const result = await deploy(medications, { imageTags: [{ service: 'api', tag: 'v2' }] });
    expect(result.stacks.find((s) => s.name === 'medications-dev-api')?.action).toBe('updated');
    const [service] = await services('medications-dev');
    expect(service?.taskDefinition).toMatch(/:2$/);
    const definition = await new ECSClient(emulator.config()).send(
      new DescribeTaskDefinitionCommand({ taskDefinition: service?.taskDefinition }),
    );
    expect(definition.taskDefinition?.containerDefinitions?.[0]?.image).toBe(
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/medications/api:v2',
    );
  });

  it('stops at a failed stack, naming the resource and reason, with earlier stacks left as they are', async () => {
    // A parameter the network stack would create is there already; CloudFormation does not take it over.
    await new SSMClient(emulator.config()).send(
      new PutParameterCommand({ Name: '/medications/dev/network/vpc-id', Value: 'vpc-0', Type: 'String' }),
    );
    const error = await deploy(medications).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackFailedError);
    const failure = (error as StackFailedError).failure;
    expect(failure.stack).toBe('medications-dev-network');
    expect(failure.status).toBe('ROLLBACK_COMPLETE');
    expect(failure.resources[0]).toMatchObject({ type: 'AWS::SSM::Parameter', status: 'CREATE_FAILED' });
    expect(failure.completed).toEqual(['medications-ci']);
    expect(failure.notAttempted).toContain('medications-dev-data');
    expect((error as Error).message).toContain('Next: the stack was never created');
    const cfn = new CloudFormationClient(emulator.config());
    expect(
      (await cfn.send(new DescribeStacksCommand({ StackName: 'medications-ci' }))).Stacks?.[0]?.StackStatus,
    ).toBe('CREATE_COMPLETE');
  });

  it('asks before production and refuses without a terminal or --yes', async () => {
    const run = await slipwayLocal('deploy', 'medications', 'prod');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('prod is a production environment and deploy needs a confirmation');
    expect(run.stdout).toBe('');
  });

  it('destroys dev in reverse order and lists what its deletion policies keep', async () => {
    await deploy(medications);
    const run = await slipwayLocal('destroy', 'medications', 'dev', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.destroyed).toEqual([
      'medications-dev-api',
      'medications-dev-runtime',
      'medications-dev-data',
      'medications-dev-network',
    ]);
    expect(result.retained).toContainEqual({
      stack: 'medications-dev-data',
      logicalId: 'DatabaseMainInstance',
      type: 'AWS::RDS::DBInstance',
      policy: 'Snapshot',
    });
    const cfn = new CloudFormationClient(emulator.config());
    await expect(
      cfn.send(new DescribeStacksCommand({ StackName: 'medications-dev-network' })),
    ).rejects.toThrow(/does not exist/);
    expect((await cfn.send(new DescribeStacksCommand({ StackName: 'medications-ci' }))).Stacks).toHaveLength(
      1,
    );

    // The database's log groups stay, with their fixed names: deploying again stops before anything
    // is created and says which groups to delete.
    const again = await slipwayLocal('deploy', 'medications', 'dev');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'medications-dev-data would create /aws/rds/instance/medications-dev-main/postgresql, ' +
        '/aws/rds/instance/medications-dev-main/upgrade, which are still there',
    );
    for (const log of ['postgresql', 'upgrade']) {
      expect(again.stderr).toContain(
        `aws logs delete-log-group --log-group-name /aws/rds/instance/medications-dev-main/${log}`,
      );
    }
    await expect(
      cfn.send(new DescribeStacksCommand({ StackName: 'medications-dev-network' })),
    ).rejects.toThrow(/does not exist/);
  });

  it('refuses to destroy production stacks, which carry termination protection', async () => {
    await deployEnvironment(medications, 'prod', { ...emulator.target(), yes: true });
    const run = await slipwayLocal('destroy', 'medications', 'prod', '--yes');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Refusing to destroy medications-prod-monitoring, medications-prod-api, medications-prod-runtime, medications-prod-data, medications-prod-network',
    );
    const destroyed = destroyEnvironment(medications, 'prod', {
      target: 'local',
      stateDir: emulator.stateDir,
      yes: true,
    });
    await expect(destroyed).rejects.toThrow(/termination protection/);
    const cfn = new CloudFormationClient(emulator.config());
    const data = (await cfn.send(new DescribeStacksCommand({ StackName: 'medications-prod-data' })))
      .Stacks?.[0];
    expect(data?.EnableTerminationProtection).toBe(true);
  });
});

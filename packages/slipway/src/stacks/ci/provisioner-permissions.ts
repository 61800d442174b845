import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledge } from '../../checks/acknowledge.js';
import type { EnvironmentModel } from '../../model/types.js';
import { regionFacts } from '../shared/partition.js';
import { clusterName, provisionerFamily, provisionerRoleName } from '../shared/resource-names.js';

/**
 * What a GitHub deploy role needs, besides the CDK bootstrap roles, to run its environment's
 * database provisioner tasks (decision 010): start them in the environment's cluster, pass their
 * two roles to ECS, watch them stop and read their log. `slipway deploy` and `slipway preview`
 * make these calls with the job's own credentials, since the bootstrap roles cannot run tasks.
 */
export function grantProvisionerRuns(role: iam.Role, app: string, env: EnvironmentModel): void {
  if (env.databases.length === 0) return;
  const { partition } = regionFacts(env.region);
  const at = `${env.region}:${env.account}`;
  const cluster = `arn:${partition}:ecs:${at}:cluster/${clusterName(app, env.name)}`;
  // Named one by one: with a pattern, env `dev` would also match a `dev-eu` environment's.
  const taskDefinitions = env.databases.map(
    (d) => `arn:${partition}:ecs:${at}:task-definition/${provisionerFamily(app, env.name, d.name)}:*`,
  );
  const tasks = `arn:${partition}:ecs:${at}:task/${clusterName(app, env.name)}/*`;
  const roles = env.databases.flatMap((d) =>
    (['exec', 'task'] as const).map(
      (kind) =>
        `arn:${partition}:iam::${env.account}:role/${provisionerRoleName(app, env.name, d.name, kind)}`,
    ),
  );
  const logs = `arn:${partition}:logs:${at}:log-group:${env.stackNames.data}-*`;
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'RunDatabaseProvisioner',
      actions: ['ecs:RunTask'],
      resources: taskDefinitions,
      conditions: { ArnEquals: { 'ecs:cluster': cluster } },
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'WatchDatabaseProvisioner',
      actions: ['ecs:DescribeTasks', 'ecs:StopTask'],
      resources: [tasks],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'DescribeProvisionerDefinition',
      // DescribeTaskDefinition has no resource-level permissions.
      actions: ['ecs:DescribeTaskDefinition'],
      resources: ['*'],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'PassProvisionerRoles',
      actions: ['iam:PassRole'],
      resources: roles,
      conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'ReadProvisionerLog',
      actions: ['logs:GetLogEvents'],
      resources: [`${logs}:log-stream:provision/*`],
    }),
  );
  const reason =
    `Scoped to ${app} ${env.name}'s database provisioner: its task definitions (any revision), its ` +
    'tasks in the environment cluster, its two roles (passed to ECS only) and its log streams.';
  for (const resource of [...taskDefinitions, tasks, `${logs}:log-stream:provision/*`]) {
    acknowledge(role, `AwsSolutions-IAM5[Resource::${resource}]`, reason);
  }
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    'ecs:DescribeTaskDefinition has no resource-level permissions and must name Resource "*"; it only reads.',
  );
}

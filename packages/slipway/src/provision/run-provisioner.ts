import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { LOCAL_CREDENTIALS, withReadClients } from '../deploy/connection.js';
import { readParameters } from '../deploy/deployed-state.js';
import type { Session } from '../deploy/session.js';
import { ssmParameterName } from '../naming/names.js';
import { dataKeys, networkKeys, runtimeKeys } from '../stacks/shared/cross-stack.js';
import { taskPlacement } from '../stacks/network/network-layout.js';
import { ProvisionError } from './errors.js';
import { provisionVariables } from './provision-script.js';

/** One run of a database's provisioner task. */
export interface ProvisionRequest {
  readonly action: 'ensure' | 'drop';
  /** The declared database (`main`) whose instance and provisioner are used. */
  readonly database: string;
  /** The database inside the instance to ensure or drop. */
  readonly databaseName: string;
  /** The login role to ensure or drop. */
  readonly roleName: string;
}

export interface ProvisionOutcome extends ProvisionRequest {
  readonly taskArn: string;
  /** False on the emulator, which records the task but runs no container. */
  readonly ran: boolean;
  readonly seconds: number;
  /** What the task printed (AWS only). */
  readonly log: readonly string[];
}

/**
 * A deploy session (its `environment` is the one whose instance, cluster and subnets are used),
 * with how patiently to wait.
 */
export interface ProvisionContext extends Pick<Session, 'model' | 'environment' | 'connection' | 'emit'> {
  /** How long to wait for a task to stop. @default 10 minutes */
  readonly timeoutMs?: number;
  /** Between status polls. @default 3 s */
  readonly pollMs?: number;
}

/**
 * Runs the environment's provisioner task once per request, one after the other, and waits for
 * each to stop with exit code 0 (decision 010). On the emulator, which starts no containers, the
 * task is started and stopped again so the call path is exercised, and the output says that
 * nothing was created.
 */
export async function runProvisioner(
  context: ProvisionContext,
  requests: readonly ProvisionRequest[],
): Promise<ProvisionOutcome[]> {
  if (requests.length === 0) return [];
  const { environment: env, connection } = context;
  const names = [...new Set(requests.map((r) => r.database))];
  const where = await readPlacement(context, names);
  const clientConfig = connection.endpoint
    ? { region: env.region, endpoint: connection.endpoint, credentials: LOCAL_CREDENTIALS }
    : { region: env.region };
  const ecs = new ECSClient(clientConfig);
  const logs = new CloudWatchLogsClient(clientConfig);
  const outcomes: ProvisionOutcome[] = [];
  try {
    for (const request of requests) {
      const started = performance.now();
      context.emit({
        kind: 'note',
        message: `database ${request.database}: ${request.action} ${request.databaseName} for role ${request.roleName}`,
      });
      const task = await startTask(ecs, where, request);
      const taskArn = task.taskArn ?? '';
      if (connection.target === 'local') {
        await ecs.send(
          new StopTaskCommand({
            cluster: where.cluster,
            task: taskArn,
            reason: 'the emulator runs no containers',
          }),
        );
        context.emit({
          kind: 'note',
          message: `the emulator recorded the provisioner task and runs no container: ${request.databaseName} and ${request.roleName} exist only on AWS`,
        });
        outcomes.push({ ...request, taskArn, ran: false, seconds: seconds(started), log: [] });
        continue;
      }
      const stopped = await waitForStop(ecs, where.cluster, taskArn, context);
      const log = await taskLog(ecs, logs, stopped);
      const exitCode = stopped.containers?.[0]?.exitCode;
      if (exitCode !== 0) {
        throw new ProvisionError(request, {
          taskArn,
          reason: stopped.stoppedReason ?? stopped.containers?.[0]?.reason ?? 'no reason given',
          exitCode,
          log,
        });
      }
      outcomes.push({ ...request, taskArn, ran: true, seconds: seconds(started), log });
    }
    return outcomes;
  } finally {
    ecs.destroy();
    logs.destroy();
  }
}

/** Cluster, subnets, security group and task family, from the layer stacks' SSM parameters. */
interface Placement {
  readonly cluster: string;
  readonly subnets: readonly string[];
  readonly assignPublicIp: boolean;
  /** Declared database → its provisioner's family and security group. */
  readonly provisioners: ReadonlyMap<string, { family: string; securityGroup: string }>;
}

async function readPlacement(context: ProvisionContext, databases: readonly string[]): Promise<Placement> {
  const { environment: env } = context;
  const { app } = context.model;
  const placement = taskPlacement(env);
  const name = (layer: string, key: string) => ssmParameterName(app, env.name, layer, key);
  const subnetKeys = env.availabilityZones.map((_, i) =>
    name(
      'network',
      placement.assignPublicIp ? networkKeys.publicSubnetId(i) : networkKeys.privateSubnetId(i),
    ),
  );
  const wanted = [
    name('runtime', runtimeKeys.clusterName),
    ...subnetKeys,
    ...databases.flatMap((d) => [
      name('data', dataKeys.provisionerFamily(d)),
      name('data', dataKeys.provisionerSecurityGroupId(d)),
    ]),
  ];
  const values = await withReadClients(context.connection, env.account, env.region, ({ ssm }) =>
    readParameters(ssm, wanted),
  );
  const missing = wanted.filter((n) => !values.get(n));
  if (missing.length > 0) {
    throw new ProvisionError(undefined, {
      reason: `the ${env.name} environment is not deployed (missing ${missing.join(', ')})`,
      fix: `Deploy it first: slipway deploy --env ${env.name}`,
    });
  }
  const get = (n: string) => values.get(n) as string;
  return {
    cluster: get(name('runtime', runtimeKeys.clusterName)),
    subnets: subnetKeys.map(get),
    assignPublicIp: placement.assignPublicIp,
    provisioners: new Map(
      databases.map((d) => [
        d,
        {
          family: get(name('data', dataKeys.provisionerFamily(d))),
          securityGroup: get(name('data', dataKeys.provisionerSecurityGroupId(d))),
        },
      ]),
    ),
  };
}

async function startTask(ecs: ECSClient, where: Placement, request: ProvisionRequest): Promise<Task> {
  const provisioner = where.provisioners.get(request.database);
  if (!provisioner) throw new Error(`no provisioner read for database ${request.database}`);
  const variables = provisionVariables(request.action, request.databaseName, request.roleName);
  const answer = await ecs.send(
    new RunTaskCommand({
      cluster: where.cluster,
      taskDefinition: provisioner.family,
      // On-demand: a Spot interruption mid-run would only mean running it again.
      launchType: 'FARGATE',
      count: 1,
      startedBy: 'slipway-provision',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: [...where.subnets],
          securityGroups: [provisioner.securityGroup],
          assignPublicIp: where.assignPublicIp ? 'ENABLED' : 'DISABLED',
        },
      },
      overrides: {
        containerOverrides: [
          {
            name: 'provision',
            environment: Object.entries(variables).map(([name, value]) => ({ name, value })),
          },
        ],
      },
    }),
  );
  const task = answer.tasks?.[0];
  if (!task?.taskArn) {
    const failure = answer.failures?.[0];
    throw new ProvisionError(request, {
      reason: `ECS did not start the task: ${failure?.reason ?? 'no reason given'}${failure?.detail ? ` (${failure.detail})` : ''}`,
    });
  }
  return task;
}

async function waitForStop(
  ecs: ECSClient,
  cluster: string,
  taskArn: string,
  context: ProvisionContext,
): Promise<Task> {
  const deadline = Date.now() + (context.timeoutMs ?? 10 * 60_000);
  let last = '';
  for (;;) {
    const task = (await ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }))).tasks?.[0];
    const status = task?.lastStatus ?? 'UNKNOWN';
    if (status !== last) {
      context.emit({ kind: 'note', message: `provisioner task ${status.toLowerCase()}` });
      last = status;
    }
    if (task && status === 'STOPPED') return task;
    if (Date.now() > deadline) {
      await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason: 'slipway gave up waiting' }));
      throw new ProvisionError(undefined, {
        taskArn,
        reason: `the provisioner task did not finish within ${Math.round((context.timeoutMs ?? 600_000) / 1000)} s (last status ${status})`,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, context.pollMs ?? 3000));
  }
}

/** The task's log lines, from the group and stream its task definition names. */
async function taskLog(ecs: ECSClient, logs: CloudWatchLogsClient, task: Task): Promise<string[]> {
  try {
    const definition = (
      await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }))
    ).taskDefinition;
    const options = definition?.containerDefinitions?.[0]?.logConfiguration?.options ?? {};
    const group = options['awslogs-group'];
    const prefix = options['awslogs-stream-prefix'];
    const taskId = task.taskArn?.split('/').pop();
    if (!group || !prefix || !taskId) return [];
    const events = await logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: `${prefix}/provision/${taskId}`,
        startFromHead: true,
      }),
    );
    return (events.events ?? []).map((e) => e.message ?? '');
  } catch {
    // The log is a help for the reader; a task that ran is judged by its exit code alone.
    return [];
  }
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

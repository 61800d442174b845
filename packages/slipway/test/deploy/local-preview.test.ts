import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  ListServicesCommand as ListDiscoveryServicesCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { deployEnvironment } from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { previewDiscoveryName } from '../../src/naming/preview-names.js';
import { listPreviews, previewDown, previewUp, prunePreviews } from '../../src/preview/index.js';
import type { PreviewUpResult } from '../../src/preview/preview-up.js';
import { ProvisionError } from '../../src/provision/errors.js';
import { runCli } from '../cli/run-cli.js';
import { useEmulator } from '../local-cloud/emulator.js';

const config = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');

describe('preview environments on the local emulator', () => {
  const emulator = useEmulator();
  let model: AppModel;

  beforeAll(async () => {
    model = await loadConfig(config);
  });

  type Inventory = Awaited<ReturnType<typeof inventory>>;

  /** Everything a preview could leave behind in the emulator, by id. */
  async function inventory() {
    const cfg = emulator.config();
    const cloudFormation = new CloudFormationClient(cfg);
    const ecs = new ECSClient(cfg);
    const elb = new ElasticLoadBalancingV2Client(cfg);
    const ec2 = new EC2Client(cfg);
    const logs = new CloudWatchLogsClient(cfg);
    const stacks = (await cloudFormation.send(new ListStacksCommand({}))).StackSummaries ?? [];
    const [balancer] = (await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? [];
    const api = new ApiGatewayV2Client(cfg);
    const [httpApi] = (await api.send(new GetApisCommand({}))).Items ?? [];
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
    return {
      stacks: stacks
        .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
        .map((s) => s.StackName)
        .sort(),
      services: (
        (await ecs.send(new ListServicesCommand({ cluster: 'medications-dev' }))).serviceArns ?? []
      ).sort(),
      listeners: balancer
        ? (
            (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: balancer.LoadBalancerArn })))
              .Listeners ?? []
          )
            .map((l) => l.Port)
            .sort()
        : [],
      routes: httpApi
        ? ((await api.send(new GetRoutesCommand({ ApiId: httpApi.ApiId }))).Items ?? [])
            .map((r) => r.RouteKey)
            .sort()
        : [],
      integrations: httpApi
        ? ((await api.send(new GetIntegrationsCommand({ ApiId: httpApi.ApiId }))).Items ?? [])
            .map((i) => `${i.IntegrationUri} ${JSON.stringify(i.RequestParameters ?? {})}`)
            .sort()
        : [],
      discoveryServices: (
        (await new ServiceDiscoveryClient(cfg).send(new ListDiscoveryServicesCommand({}))).Services ?? []
      )
        .map((d) => d.Name)
        .sort(),
      targetGroups: ((await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [])
        .map((g) => g.TargetGroupArn)
        .sort(),
      securityGroups: groups
        .map(
          (g) =>
            `${g.GroupId} in:${JSON.stringify(g.IpPermissions)} out:${JSON.stringify(g.IpPermissionsEgress)}`,
        )
        .sort(),
      interfaces: ((await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? [])
        .map((n) => n.NetworkInterfaceId)
        .sort(),
      logGroups: ((await logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [])
        .map((g) => g.logGroupName)
        .sort(),
    };
  }

  /** The provisioner tasks the emulator recorded in dev's cluster, with their overrides. */
  async function provisionerRuns() {
    const ecs = new ECSClient(emulator.config());
    const arns = (
      await ecs.send(new ListTasksCommand({ cluster: 'medications-dev', desiredStatus: 'STOPPED' }))
    ).taskArns;
    if (!arns?.length) return [];
    const tasks =
      (await ecs.send(new DescribeTasksCommand({ cluster: 'medications-dev', tasks: arns }))).tasks ?? [];
    return tasks.map((t) => ({
      status: t.lastStatus,
      family: t.taskDefinitionArn?.split('/').pop()?.split(':')[0],
      variables: Object.fromEntries(
        (t.overrides?.containerOverrides?.[0]?.environment ?? []).map((v) => [v.name, v.value]),
      ),
    }));
  }

  /**
   * Brings a preview of `ingress`'s dev up, checks what it added to dev's way in with `checkIngress`,
   * then takes it down and expects dev exactly as it was.
   */
  async function upAndDown(
    app: AppModel,
    checkIngress: (up: PreviewUpResult, before: Inventory, during: Inventory, service?: Service) => void,
  ) {
    const deployed = await deployEnvironment(app, 'dev', emulator.target());
    // The deploy ran dev's own provisioner (no overrides: the app role on the app database).
    expect(deployed.provisioned.map((p) => [p.action, p.databaseName, p.roleName, p.ran])).toEqual([
      ['ensure', 'medications', 'medications_app', false],
    ]);
    expect(await provisionerRuns()).toEqual([
      expect.objectContaining({ status: 'STOPPED', family: 'medications-dev-main-provisioner' }),
    ]);
    const before = await inventory();

    const up = await previewUp(app, { ...emulator.target(), branch: 'feat/Login_Page' });
    expect(up.action).toBe('created');
    expect(up.plan.slug).toMatch(/^feat-login-page-[0-9a-f]{6}$/);
    expect(up.usdPerHour).toBeGreaterThan(0);

    // Its database and role were asked of dev's provisioner, with the preview's names.
    const runs = await provisionerRuns();
    expect(runs).toContainEqual(
      expect.objectContaining({
        family: 'medications-dev-main-provisioner',
        variables: {
          SLIPWAY_ACTION: 'ensure',
          SLIPWAY_DATABASE: up.plan.databases[0]?.databaseName,
          SLIPWAY_ROLE: up.plan.databases[0]?.roleName,
        },
      }),
    );

    // One Spot service in dev's cluster.
    const during = await inventory();
    expect(during.stacks).toEqual([...before.stacks, up.plan.stackName].sort());
    const added = during.services.filter((s) => !before.services.includes(s));
    expect(added).toHaveLength(1);
    const [service] =
      (
        await new ECSClient(emulator.config()).send(
          new DescribeServicesCommand({ cluster: 'medications-dev', services: added }),
        )
      ).services ?? [];
    expect(service?.desiredCount).toBe(1);
    expect(service?.capacityProviderStrategy?.map((c) => c.capacityProvider)).toEqual(['FARGATE_SPOT']);
    checkIngress(up, before, during, service);

    const stack = (
      await new CloudFormationClient(emulator.config()).send(
        new DescribeStacksCommand({ StackName: up.plan.stackName }),
      )
    ).Stacks?.[0];
    const tags = Object.fromEntries((stack?.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags).toMatchObject({
      'slipway:preview': up.plan.slug,
      'slipway:branch': 'feat/Login_Page',
      'slipway:created-at': up.plan.createdAt,
      'slipway:preview-port': String(up.plan.port),
    });

    const listed = await listPreviews(app, emulator.target());
    expect(listed.map((p) => [p.slug, p.branch, p.port])).toEqual([
      [up.plan.slug, 'feat/Login_Page', up.plan.port],
    ]);

    const down = await previewDown(app, { ...emulator.target(), branch: 'feat/Login_Page' });
    expect(down.stackDeleted).toBe(true);
    expect(down.dropped.map((d) => [d.action, d.databaseName, d.roleName])).toEqual([
      ['drop', up.plan.databases[0]?.databaseName, up.plan.databases[0]?.roleName],
    ]);
    expect(await inventory()).toEqual(before);
    expect(await listPreviews(app, emulator.target())).toEqual([]);

    // Taking it down again finds nothing to delete and repeats the (idempotent) drop.
    const again = await previewDown(app, { ...emulator.target(), branch: 'feat/Login_Page' });
    expect(again.stackDeleted).toBe(false);
    expect(again.dropped).toHaveLength(1);
  }

  it("brings a preview up on routes of its own on dev's HTTP API, then takes it down leaving nothing behind", async () => {
    expect(model.environments.find((e) => e.name === 'dev')?.ingress).toBe('http-api');
    await upAndDown(model, (up, before, during, service) => {
      const prefix = up.plan.routePrefix;
      expect(up.url).toMatch(new RegExp(`^https://.+${prefix}/$`));
      // What the emulator cannot show is said of the ingress the preview is on.
      expect(up.emulatorLimits.join('\n')).toMatch(/the HTTP API, its routes/);
      expect(up.emulatorLimits.join('\n')).not.toMatch(/the load balancer/);
      expect(during.listeners).toEqual(before.listeners);
      expect(during.routes).toEqual([...before.routes, `ANY ${prefix}`, `ANY ${prefix}/{proxy+}`].sort());
      // The copy answers under its own Cloud Map name, and each route takes the prefix off.
      const name = previewDiscoveryName('api', up.plan.slug);
      expect(during.discoveryServices).toEqual([...before.discoveryServices, name].sort());
      const addedIntegrations = during.integrations.filter((i) => !before.integrations.includes(i));
      expect(addedIntegrations.map((i) => i.replace(/^\S+ /, '')).sort()).toEqual(
        [{ 'overwrite:path': '/' }, { 'overwrite:path': '/$request.path.proxy' }].map((m) =>
          JSON.stringify(m),
        ),
      );
      expect(service?.serviceRegistries).toHaveLength(1);
    });
  });

  it("brings a preview up on a listener of its own on dev's load balancer, then takes it down leaving nothing behind", async () => {
    const onLoadBalancer: AppModel = {
      ...model,
      environments: model.environments.map((e) =>
        e.name === 'dev'
          ? {
              ...e,
              ingress: 'load-balancer',
              ingressChoice: { ...e.ingressChoice, ingress: 'load-balancer', set: true },
            }
          : e,
      ),
    };
    await upAndDown(onLoadBalancer, (up, before, during, service) => {
      expect(up.url).toMatch(new RegExp(`^http://.+:${up.plan.port}$`));
      expect(during.listeners).toEqual([...before.listeners, up.plan.port].sort());
      expect(during.routes).toEqual([]);
      // The copy answers under a private name of its own, which its stack takes away again.
      const name = previewDiscoveryName('api', up.plan.slug);
      expect(during.discoveryServices).toEqual([...before.discoveryServices, name].sort());
      expect(service?.serviceRegistries).toHaveLength(1);
    });
  });

  it('keeps a preview on its port and creation time across pushes, gives others their own, and prunes by age', async () => {
    await deployEnvironment(model, 'dev', { ...emulator.target(), provision: false });
    const first = await previewUp(model, {
      ...emulator.target(),
      branch: 'feat/a',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    // A branch with a character tags refuse: its tag reads `feat/_42`, its slug stays the branch's.
    const other = await previewUp(model, { ...emulator.target(), branch: 'feat/#42' });
    expect(other.plan.port).not.toBe(first.plan.port);

    const again = await previewUp(model, { ...emulator.target(), branch: 'feat/a' });
    expect(again.action).toBe('updated');
    expect(again.plan.port).toBe(first.plan.port);
    expect(again.plan.createdAt).toBe('2026-01-01T00:00:00.000Z');

    const none = await prunePreviews(model, { ...emulator.target(), olderThanMs: 3_600_000 });
    expect(none.stale).toEqual([]);
    expect(none.kept).toHaveLength(2);

    // Two hours on, both are stale; a dry run removes nothing.
    const later = new Date(Date.now() + 2 * 3_600_000);
    const dry = await prunePreviews(model, {
      ...emulator.target(),
      olderThanMs: 3_600_000,
      now: later,
      dryRun: true,
    });
    expect(dry.stale.map((p) => p.branch).sort()).toEqual(['feat/_42', 'feat/a']);
    expect(dry.removed).toEqual([]);
    expect(await listPreviews(model, emulator.target())).toHaveLength(2);

    const pruned = await prunePreviews(model, { ...emulator.target(), olderThanMs: 3_600_000, now: later });
    expect(pruned.removed.map((r) => r.stackName).sort()).toEqual(
      [first.plan.stackName, other.plan.stackName].sort(),
    );
    expect(await listPreviews(model, emulator.target())).toEqual([]);
  });

  it('refuses a preview before dev is deployed, saying how to deploy it', async () => {
    const attempt = previewUp(model, { ...emulator.target(), branch: 'feat/early' });
    await expect(attempt).rejects.toThrow(ProvisionError);
    await expect(attempt).rejects.toThrow(/slipway deploy --env dev/);
  });

  it('drives previews from the command line, with --json for machines', async () => {
    await deployEnvironment(model, 'dev', { ...emulator.target(), provision: false });
    const common = ['--config', config, '--target', 'local', '--state-dir', emulator.stateDir];
    const up = await runCli('preview', 'up', '--branch', 'feat/cli', '--json', ...common);
    expect(up.code).toBe(0);
    const created = JSON.parse(up.stdout) as { stackName: string; port: number; usdPerHour: number };
    expect(created.stackName).toMatch(/^medications-pr-feat-cli-[0-9a-f]{6}$/);

    const list = await runCli('preview', 'list', '--json', ...common);
    const listed = JSON.parse(list.stdout) as { previews: { stackName: string; usdPerHour: number }[] };
    expect(listed.previews.map((p) => p.stackName)).toEqual([created.stackName]);
    expect(listed.previews[0]?.usdPerHour).toBeCloseTo(created.usdPerHour, 10);

    const badAge = await runCli('preview', 'prune', '--older-than', 'a week', ...common);
    expect(badAge.code).toBe(2);
    expect(badAge.stderr).toMatch(/--older-than "a week" is not a duration.*7d/);

    const down = await runCli('preview', 'down', '--branch', 'feat/cli', ...common);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`stack ${created.stackName} deleted`);
  });

  it('runs the commands the generated preview workflow runs, as written there', async () => {
    await deployEnvironment(model, 'dev', { ...emulator.target(), provision: false });
    const workflow = parseYaml(
      readFileSync(path.join(path.dirname(config), '.github/workflows/preview.yml'), 'utf8'),
    ) as { jobs: Record<string, { steps: { run?: string }[] }> };
    /** The job's `slipway` step as an argument list, on this emulator, with BRANCH set. */
    const command = (job: string, branch: string) => {
      const run = workflow.jobs[job]?.steps.map((s) => s.run).find((r) => r?.startsWith('npx slipway '));
      if (!run) throw new Error(`no slipway step in the ${job} job`);
      const argv = run
        .replace('"$BRANCH"', branch)
        // What the job's images step hands over: every service at its tag.
        .replace('$IMAGE_TAGS', '--image-tag api=sha-0123abc')
        .split(' ')
        .slice(2)
        .map((arg) => (arg === 'slipway.config.ts' ? config : arg));
      return [...argv, '--target', 'local', '--state-dir', emulator.stateDir];
    };

    const up = await runCli(...command('up', 'feat/from-workflow'));
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/preview feat-from-workflo-[0-9a-f]{6} · created in dev/);
    // The job's own build, from the preview repository the job pushed it to.
    const ecs = new ECSClient(emulator.config());
    const arns = (await ecs.send(new ListServicesCommand({ cluster: 'medications-dev' }))).serviceArns ?? [];
    const services = (
      await ecs.send(new DescribeServicesCommand({ cluster: 'medications-dev', services: arns }))
    ).services;
    const preview = services?.find((s) => s.serviceName?.startsWith('medications-pr-'));
    const definition = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: preview?.taskDefinition }),
    );
    expect(definition.taskDefinition?.containerDefinitions?.[0]?.image).toBe(
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/medications/api-preview:sha-0123abc',
    );
    const prune = await runCli(...command('prune', ''));
    expect(prune.code).toBe(0);
    expect(prune.stdout).toMatch(/No preview is older than 7d; 1 kept/);
    const down = await runCli(...command('down', 'feat/from-workflow'));
    expect(down.code).toBe(0);
    expect(await listPreviews(model, emulator.target())).toEqual([]);
  });
});

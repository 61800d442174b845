import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeClusterCommand, EKSClient, ListNodegroupsCommand } from '@aws-sdk/client-eks';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { runCli } from '../cli/run-cli.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The parts of the objects these tests read. */
interface Manifest {
  readonly kind?: string;
  readonly spec?: {
    readonly template?: {
      readonly spec?: {
        readonly containers?: {
          image?: string;
          envFrom?: unknown;
          env?: { name: string; value?: string }[];
        }[];
      };
    };
    readonly target?: { readonly template?: { readonly data?: Record<string, string> } };
  };
}

const root = path.resolve(import.meta.dirname, '../../../..');
const config = path.join(root, 'examples', 'goapp', 'slipway.config.ts');

/** Seed 001 as an example: the EKS side a plan, `slipway manifests` and a local deploy show. */
describe('examples/goapp on EKS', () => {
  let plan: PlanOutcome;

  beforeAll(async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'slipway-goapp-'));
    const run = await runCli('plan', '--config', config, '--out', out, '--json');
    expect(run.code).toBe(0);
    plan = JSON.parse(run.stdout) as PlanOutcome;
  });

  it('plans a cluster stack in place of the runtime and service stacks, with its GitOps folder', () => {
    for (const env of plan.environments) {
      expect(env.stacks.map((s) => s.name)).toEqual([
        `goapp-${env.name}-network`,
        `goapp-${env.name}-data`,
        `goapp-${env.name}-cluster`,
        // The database's dashboard (and in production its alarms), after the cluster.
        `goapp-${env.name}-monitoring`,
      ]);
      // Each file as it sits in the environment's folder, gitops/<env>/.
      const folder = (env.manifests ?? [])
        .map((file) => file.split(`${path.sep}gitops${path.sep}${env.name}${path.sep}`)[1])
        .sort();
      expect(folder).toEqual(
        [
          'apps/goapp-services.yaml',
          'apps/platform-aws-load-balancer-controller.yaml',
          'apps/platform-datadog-monitors.yaml',
          'apps/platform-datadog-secrets.yaml',
          'apps/platform-datadog.yaml',
          'apps/platform-external-secrets.yaml',
          'platform/datadog-monitors/web.yaml',
          'platform/datadog/api-key.yaml',
          'platform/datadog/app-key.yaml',
          'platform/datadog/cluster-agent-token.yaml',
          'platform/datadog/secret-store.yaml',
          'root.yaml',
          'services/namespace.yaml',
          'services/secret-stores.yaml',
          'services/web.yaml',
        ].sort(),
      );
      // Both validation passes ran on every object: no Slipway-K8S0 finding, and no other manifest error.
      expect(env.findings.filter((f) => f.rule.startsWith('Slipway-K8S') && f.level === 'error')).toEqual([]);
    }
  });

  it("writes a Deployment that runs the CI account's image and reads its settings from External Secrets", () => {
    const dev = plan.environments.find((e) => e.name === 'dev');
    const file = dev?.manifests?.find((f) => f.endsWith(path.join('services', 'web.yaml')));
    expect(file).toBeDefined();
    const objects = parseAllDocuments(readFileSync(file!, 'utf8')).map((d) => d.toJS() as Manifest);
    const deployment = objects.find((o) => o.kind === 'Deployment');
    const container = deployment?.spec?.template?.spec?.containers?.[0];
    expect(container?.image).toBe('111111111111.dkr.ecr.us-east-1.amazonaws.com/goapp/web:dev-latest');
    expect(container?.envFrom).toEqual([{ secretRef: { name: 'web-env' } }]);
    const external = objects.find((o) => o.kind === 'ExternalSecret');
    expect(Object.keys(external?.spec?.target?.template?.data ?? {})).toEqual(
      expect.arrayContaining(['DATABASE_HOST', 'DATABASE_NAME', 'DATABASE_USER', 'API_KEY']),
    );
  });

  it('keeps Datadog monitors for the Go service that page on-call in production only', () => {
    const monitorsIn = (name: string) => {
      const env = plan.environments.find((e) => e.name === name);
      const file = env?.manifests?.find((f) => f.endsWith(path.join('datadog-monitors', 'web.yaml')));
      return parseAllDocuments(readFileSync(file!, 'utf8')).map(
        (d) => d.toJS() as { spec: { name: string; message: string; query: string; priority: number } },
      );
    };
    const prod = monitorsIn('prod');
    // Production traces by default, so its public service is also watched on what it answers.
    expect(prod.map((m) => m.spec.name)).toEqual([
      '[goapp prod] web: pods unavailable',
      '[goapp prod] web: crash looping',
      '[goapp prod] web: error logs',
      '[goapp prod] web: server errors',
      '[goapp prod] web: slow answers',
    ]);
    expect(prod.map((m) => m.spec.priority)).toEqual([1, 2, 3, 2, 3]);
    for (const monitor of prod) {
      expect(monitor.spec.message).toMatch(/@pagerduty-goapp @slack-goapp-alerts$/);
    }
    for (const monitor of prod.slice(0, 3))
      expect(monitor.spec.query).toContain('kube_cluster_name:goapp-prod');
    // Trace metrics carry the unified service tags the OTLP resource attributes set.
    for (const monitor of prod.slice(3)) expect(monitor.spec.query).toContain('{env:prod,service:web}');
    // Dev traces nothing by default: no answer monitors there.
    expect(monitorsIn('dev').map((m) => m.spec.name)).toEqual([
      '[goapp dev] web: pods unavailable',
      '[goapp dev] web: crash looping',
      '[goapp dev] web: error logs',
    ]);
    for (const monitor of monitorsIn('dev')) {
      expect(monitor.spec.message).toMatch(/@slack-goapp-alerts$/);
      expect(monitor.spec.message).not.toContain('@pagerduty');
    }
  });

  it("sends production's traces to the Datadog agent on each pod's node; dev, untraced, sends none", () => {
    const variablesIn = (name: string) => {
      const env = plan.environments.find((e) => e.name === name);
      const file = env?.manifests?.find((f) => f.endsWith(path.join('services', 'web.yaml')));
      const objects = parseAllDocuments(readFileSync(file!, 'utf8')).map((d) => d.toJS() as Manifest);
      const container = objects.find((o) => o.kind === 'Deployment')?.spec?.template?.spec?.containers?.[0];
      return container?.env ?? [];
    };
    const prod = Object.fromEntries(variablesIn('prod').map((v) => [v.name, v.value]));
    expect(prod).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://$(HOST_IP):4318',
      OTEL_SERVICE_NAME: 'web',
    });
    expect(prod['OTEL_RESOURCE_ATTRIBUTES']).toContain('deployment.environment=prod');
    expect(variablesIn('dev').map((v) => v.name)).not.toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('runs the database provisioner in the ECS cluster the deploy role may start it in', () => {
    const templateOf = (name: string) => {
      const stack = [...plan.shared.stacks, ...plan.environments.flatMap((e) => e.stacks)].find(
        (s) => s.name === name,
      );
      return JSON.parse(readFileSync(stack!.template, 'utf8')) as {
        Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
      };
    };
    const ecsClusters = Object.values(templateOf('goapp-dev-cluster').Resources).filter(
      (r) => r.Type === 'AWS::ECS::Cluster',
    );
    expect(ecsClusters.map((r) => r.Properties?.['ClusterName'])).toEqual(['goapp-dev']);
    expect(JSON.stringify(templateOf('goapp-ci'))).toContain(':cluster/goapp-dev"');
  });

  it('tags the subnets the way load balancers made from Ingress objects find them', () => {
    const network = plan.environments[0]!.stacks.find((s) => s.name.endsWith('-network'))!;
    const template = JSON.parse(readFileSync(network.template, 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Tags?: { Key: string }[] } }>;
    };
    const subnets = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::EC2::Subnet');
    const roleOf = ([, r]: (typeof subnets)[number]) =>
      r.Properties.Tags?.find((t) => t.Key.startsWith('kubernetes.io/role/'))?.Key;
    expect(subnets.filter(([id]) => id.includes('public')).map(roleOf)).toEqual(
      Array(3).fill('kubernetes.io/role/elb'),
    );
    expect(subnets.filter(([id]) => id.includes('private')).map(roleOf)).toEqual(
      Array(3).fill('kubernetes.io/role/internal-elb'),
    );
  });

  describe('on the local emulator', () => {
    const emulator = useEmulator();

    it('deploys dev (cluster, node groups, add-ons) and then diffs to zero changes', async () => {
      const deployed = await emulator.cli('deploy', config, 'dev', '--yes');
      expect(deployed.code, deployed.stderr).toBe(0);
      const eks = new EKSClient(emulator.config('us-east-1'));
      const cluster = (await eks.send(new DescribeClusterCommand({ name: 'goapp-dev' }))).cluster;
      expect(cluster?.version).toBe('1.35');
      expect(cluster?.resourcesVpcConfig?.endpointPublicAccess).toBe(true);
      const groups = (await eks.send(new ListNodegroupsCommand({ clusterName: 'goapp-dev' }))).nodegroups;
      expect([...(groups ?? [])].sort()).toEqual(['system', 'workload']);

      const diff = await emulator.cli('diff', config, 'dev', '--json');
      expect(diff.code, diff.stderr).toBe(0);
      const changes = JSON.parse(diff.stdout) as { stacks: { name: string; changes: unknown[] }[] };
      expect(changes.stacks.flatMap((s) => s.changes)).toEqual([]);
    });
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel } from '../../src/model/types.js';
import { environmentDiagram } from '../../src/report/diagram/from-templates.js';
import type { Diagram, DiagramNode } from '../../src/report/diagram/types.js';
import { fromPlan } from '../../src/report/read-plan.js';
import type { SynthesizedStack } from '../../src/template/types.js';
import { diagramProblems, resourcesToDraw } from '../support/diagram-coverage.js';
import { plansOnce } from '../support/plans-once.js';

const EXAMPLES = ['megadolls', 'medications', 'orders', 'goapp', 'parrot'] as const;
const models = new Map<string, AppModel>();
for (const name of EXAMPLES) {
  models.set(
    name,
    await loadConfig(
      fileURLToPath(new URL(`../../../../examples/${name}/slipway.config.ts`, import.meta.url)),
    ),
  );
}
const planned = plansOnce((name: string) => models.get(name) as AppModel, { checks: false, cost: false });

/** Each environment of an example with its stacks, planned once per file. */
function environmentsOf(example: string): { name: string; region: string; stacks: SynthesizedStack[] }[] {
  const plan = planned(example);
  const onDisk = fromPlan(plan);
  return plan.environments.map((env) => ({
    name: env.name,
    region: env.region,
    stacks: onDisk.stacksOf(env.name),
  }));
}

function nodeOf(diagram: Diagram, stack: string, logicalId: string): DiagramNode | undefined {
  return diagram.nodes.find((n) => n.resources.some((r) => r.stack === stack && r.logicalId === logicalId));
}

/**
 * The databases a service's task reads its host from, found the plain way: the service stack's
 * SSM-typed parameter `/<app>/<env>/data/<db>/endpoint-address` used in the task definition, and
 * the data stack's `AWS::SSM::Parameter` of that name whose value is `GetAtt <instance>`.
 */
function databasesUsedBy(
  stacks: readonly SynthesizedStack[],
  service: SynthesizedStack,
): { stack: string; logicalId: string }[] {
  const resources = Object.values(service.template.Resources ?? {});
  const tasks = JSON.stringify(resources.filter((r) => r.Type === 'AWS::ECS::TaskDefinition'));
  const names = Object.entries(service.template.Parameters ?? {})
    .filter(
      ([key, p]) =>
        /\/data\/[^/]+\/endpoint-address$/.test(String((p as { Default?: unknown }).Default)) &&
        tasks.includes(`"${key}"`),
    )
    .map(([, p]) => String((p as { Default: unknown }).Default));
  return stacks.flatMap((stack) =>
    Object.values(stack.template.Resources ?? {})
      .filter((r) => r.Type === 'AWS::SSM::Parameter' && names.includes(String(r.Properties?.Name)))
      .map((r) => ({
        stack: stack.name,
        logicalId: String((r.Properties?.Value as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]),
      })),
  );
}

describe.each(EXAMPLES)('environment diagram of examples/%s', (example) => {
  it('draws each service, database, cache, load balancer, cluster, table, distribution and function once, in groups that exist, with edges between drawn nodes', () => {
    for (const env of environmentsOf(example)) {
      expect(resourcesToDraw(env.stacks).length).toBeGreaterThan(0);
      expect(diagramProblems(environmentDiagram(env), env.stacks), env.name).toEqual([]);
    }
  });

  it('nests nodes only in groups that exist and gives every edge two drawn ends', () => {
    for (const env of environmentsOf(example)) {
      const diagram = environmentDiagram(env);
      const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
      expect(byId.size).toBe(diagram.nodes.length);
      for (const node of diagram.nodes) {
        if (node.parent === undefined) continue;
        expect(byId.get(node.parent)?.kind, `${node.id} sits in ${node.parent}`).toMatch(
          /^(vpc|subnet-tier|cluster)$/,
        );
      }
      expect(new Set(diagram.edges.map((e) => e.id)).size).toBe(diagram.edges.length);
      for (const edge of diagram.edges) {
        expect(byId.has(edge.from), edge.id).toBe(true);
        expect(byId.has(edge.to), edge.id).toBe(true);
      }
    }
  });

  it('routes requests into each service behind the load balancer or the HTTP API, and joins each service to the databases it uses', () => {
    let databasesSeen = 0;
    for (const env of environmentsOf(example)) {
      const diagram = environmentDiagram(env);
      for (const stack of env.stacks) {
        for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
          if (resource.Type !== 'AWS::ECS::Service') continue;
          const service = nodeOf(diagram, stack.name, logicalId);
          expect(service?.kind).toBe('service');
          // Public behind the load balancer (a target group), or on the HTTP API (its stack
          // adds the service's routes).
          const isPublic =
            ((resource.Properties?.LoadBalancers as unknown[] | undefined) ?? []).length > 0 ||
            Object.values(stack.template.Resources ?? {}).some((r) => r.Type === 'AWS::ApiGatewayV2::Route');
          const routedIn = diagram.edges.some((e) => e.kind === 'route' && e.to === service?.id);
          expect(routedIn, `${env.name}: a route into ${service?.id}`).toBe(isPublic);
          for (const db of databasesUsedBy(env.stacks, stack)) {
            const database = nodeOf(diagram, db.stack, db.logicalId);
            expect(database?.kind).toBe('database');
            const edge = diagram.edges.find(
              (e) => e.kind === 'network' && e.from === service?.id && e.to === database?.id,
            );
            expect(edge?.label, `${env.name}: ${service?.id} → ${database?.id}`).toMatch(/tcp 5432/);
            databasesSeen += 1;
          }
        }
      }
    }
    if (example === 'megadolls' || example === 'medications') expect(databasesSeen).toBeGreaterThan(0);
  });

  it('gives the same diagram twice, whatever order the stacks come in', () => {
    for (const env of environmentsOf(example)) {
      const first = environmentDiagram(env);
      expect(environmentDiagram(env)).toEqual(first);
      expect(environmentDiagram({ ...env, stacks: [...env.stacks].reverse() })).toEqual(first);
    }
  });
});

describe('what the environment diagram says', () => {
  const diagramOf = (example: string, env: string) => {
    const found = environmentsOf(example).find((e) => e.name === env);
    if (found === undefined) throw new Error(`no ${example}/${env}`);
    return environmentDiagram(found);
  };

  it('describes an ECS service by its tasks, size, capacity, architecture and private name, inside its cluster', () => {
    const diagram = diagramOf('megadolls', 'prod');
    const web = diagram.nodes.find((n) => n.kind === 'service' && n.label === 'web');
    expect(web?.details).toEqual(['2 tasks · 1 vCPU · 2 GB', 'on-demand · arm64', 'web.megadolls.internal']);
    expect(diagram.nodes.find((n) => n.id === web?.parent)?.kind).toBe('cluster');
    const lb = diagram.nodes.find((n) => n.kind === 'load-balancer');
    expect(lb?.details).toContain('HTTP :80');
    expect(diagram.edges).toContainEqual(
      expect.objectContaining({ from: 'internet', to: lb?.id, kind: 'network', label: 'tcp 80' }),
    );
    expect(diagram.edges).toContainEqual(
      expect.objectContaining({ from: lb?.id, to: web?.id, kind: 'route', label: 'HTTP :80 /* → tcp 8000' }),
    );
    // The route carries the port its security-group rule opens; no second arrow says it again.
    expect(diagram.edges.filter((e) => e.from === lb?.id && e.to === web?.id)).toHaveLength(1);
  });

  it('places the VPC’s tiers from the subnets’ CDK tags, with their zones and CIDRs', () => {
    const tiers = diagramOf('medications', 'dev').nodes.filter((n) => n.kind === 'subnet-tier');
    expect(tiers.map((t) => t.label).sort()).toEqual(['isolated subnets', 'public subnets']);
    expect(tiers.find((t) => t.label === 'public subnets')?.details).toEqual([
      '2 zones',
      '10.0.0.0/20 · 10.0.16.0/20',
    ]);
    const database = diagramOf('medications', 'dev').nodes.find((n) => n.kind === 'database');
    expect(database?.parent).toMatch(/\/isolated$/);
  });

  it('follows the edge from the internet through WAF and CloudFront to the internal load balancer, and a table stream to its function', () => {
    const diagram = diagramOf('orders', 'prod');
    const idOf = (kind: DiagramNode['kind']) => diagram.nodes.find((n) => n.kind === kind)?.id;
    const routes = diagram.edges.filter((e) => e.kind === 'route').map((e) => `${e.from} → ${e.to}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        `internet → ${idOf('firewall')}`,
        `${idOf('firewall')} → ${idOf('distribution')}`,
        `${idOf('distribution')} → ${idOf('load-balancer')}`,
      ]),
    );
    const orders = diagram.nodes.find((n) => n.kind === 'table' && n.label === 'orders');
    const notify = diagram.nodes.find((n) => n.kind === 'function');
    expect(notify?.details).toContain('failures → queue');
    expect(diagram.nodes.some((n) => n.kind === 'queue')).toBe(false);
    expect(diagram.edges).toContainEqual(
      expect.objectContaining({ from: orders?.id, to: notify?.id, kind: 'event', label: 'stream' }),
    );
  });

  it('draws an EKS cluster as a group of node pools that reaches the database and cache, and a read replica linked to its primary', () => {
    const diagram = diagramOf('parrot', 'prod');
    const cluster = diagram.nodes.find((n) => n.kind === 'cluster');
    expect(cluster?.label).toMatch(/^EKS parrot-prod/);
    expect(cluster?.details).toContain('Karpenter');
    expect(diagram.nodes.filter((n) => n.kind === 'node-pool').every((n) => n.parent === cluster?.id)).toBe(
      true,
    );
    const reached = diagram.edges
      .filter((e) => e.kind === 'network' && e.from === cluster?.id)
      .map((e) => e.label);
    expect(reached.sort()).toEqual(['tcp 5432', 'tcp 5432', 'tcp 6379']);
    const replica = diagram.nodes.find(
      (n) => n.kind === 'database' && n.details.includes('read replica of main'),
    );
    expect(diagram.edges).toContainEqual(
      expect.objectContaining({ to: replica?.id, kind: 'event', label: 'replication' }),
    );
  });

  it('refuses a stack given twice, naming it', () => {
    const [env] = environmentsOf('goapp');
    if (env === undefined) throw new Error('goapp has no environment');
    const stack = env.stacks[0] as SynthesizedStack;
    expect(() => environmentDiagram({ ...env, stacks: [stack, stack] })).toThrow(
      `stack "${stack.name}" is given twice`,
    );
  });
});

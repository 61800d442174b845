import { describe, expect, it } from 'vitest';
import { environmentDiagram } from '../../src/report/diagram/from-templates.js';
import { layoutDiagram } from '../../src/report/diagram/layout.js';
import { PEER_GROUP_MIN } from '../../src/report/diagram/reach/security-groups.js';
import { fromPlan } from '../../src/report/read-plan.js';
import type { Ingress } from '../../src/model/ingress.js';
import { defaultIngressOf } from '../fixtures/models.js';
import { useConfigFile } from '../support/config-file.js';
import { manyServicesConfig } from '../support/many-services.js';
import { plansOnce } from '../support/plans-once.js';

const SERVICES = 12;
const config = useConfigFile(manyServicesConfig(SERVICES));
/** The app as configured (dev on the HTTP API, the default outside production), or on `ingress`. */
const planOf = plansOnce(
  (ingress: Ingress | undefined) =>
    ingress === undefined
      ? config.model
      : {
          ...config.model,
          environments: config.model.environments.map((env) => ({
            ...env,
            ...defaultIngressOf(env, ingress),
          })),
        },
  { checks: false, cost: false },
);

describe(`the diagram of an app with ${SERVICES} services`, () => {
  const diagramOf = (ingress?: Ingress) => {
    const plan = planOf(ingress);
    const env = plan.environments[0]!;
    return environmentDiagram({
      name: env.name,
      region: env.region,
      stacks: fromPlan(plan).stacksOf(env.name),
    });
  };

  it('says once that the services reach each other instead of an arrow for every pair', () => {
    expect(SERVICES).toBeGreaterThanOrEqual(PEER_GROUP_MIN);
    const diagram = diagramOf();
    const services = diagram.nodes.filter((n) => n.kind === 'service');
    expect(services).toHaveLength(SERVICES);
    const ids = new Set(services.map((s) => s.id));
    expect(diagram.edges.filter((e) => ids.has(e.from) && ids.has(e.to))).toEqual([]);
    const cluster = diagram.nodes.find((n) => n.id === services[0]!.parent);
    expect(cluster?.details).toContain(`${SERVICES} services reach each other (tcp 8080)`);
  });

  it.each([
    { ingress: 'load-balancer', from: 'load-balancer', label: (s: string) => `HTTP :80 /${s}/* → tcp 8080` },
    { ingress: 'http-api', from: 'vpc-link', label: (s: string) => `/${s}/{proxy+} → tcp 8080` },
  ] as const)(
    'routes each service once through the $ingress and joins each to the database',
    ({ ingress, from, label }) => {
      const diagram = diagramOf(ingress);
      const [entry, ...more] = diagram.nodes.filter((n) => n.kind === from);
      expect(entry).toBeDefined();
      expect(more).toEqual([]);
      const db = diagram.nodes.find((n) => n.kind === 'database')!;
      const services = diagram.nodes.filter((n) => n.kind === 'service');
      expect(services).toHaveLength(SERVICES);
      for (const service of services) {
        const routes = diagram.edges.filter((e) => e.kind === 'route' && e.to === service.id);
        expect(routes).toEqual([expect.objectContaining({ from: entry!.id, label: label(service.label) })]);
        expect(diagram.edges).toContainEqual(
          expect.objectContaining({ from: service.id, to: db.id, kind: 'network' }),
        );
      }
    },
  );

  it('lays every service out in its own place', async () => {
    const laid = await layoutDiagram(diagramOf());
    const boxes = laid.nodes.filter((n) => n.node.kind === 'service');
    expect(boxes).toHaveLength(SERVICES);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.node.id} overlaps ${b.node.id}`).toBe(true);
      }
    }
  });
});

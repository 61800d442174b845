import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { environmentDiagram } from '../../src/report/diagram/from-templates.js';
import { diagramMermaid } from '../../src/report/diagram/mermaid.js';
import type { Diagram, DiagramNode } from '../../src/report/diagram/types.js';
import { fromPlan } from '../../src/report/read-plan.js';
import { HTTP_API_THROTTLE } from '../../src/stacks/runtime/ecs/http-api-ingress.js';
import type { SynthesizedStack } from '../../src/template/types.js';
import { diagramProblems } from '../support/diagram-coverage.js';
import { plansOnce } from '../support/plans-once.js';
import { DOMAIN, httpApiShop } from '../fixtures/http-api-shop.js';

const planOf = plansOnce((domain: boolean) => resolveConfig(httpApiShop(domain)), {
  checks: false,
  cost: false,
});

function dev(domain: boolean): { diagram: Diagram; stacks: SynthesizedStack[] } {
  const plan = planOf(domain);
  const env = plan.environments[0]!;
  const stacks = fromPlan(plan).stacksOf(env.name);
  return { diagram: environmentDiagram({ name: env.name, region: env.region, stacks }), stacks };
}

function holderOf(diagram: Diagram, stack: string, logicalId: string): DiagramNode[] {
  return diagram.nodes.filter((n) => n.resources.some((r) => r.stack === stack && r.logicalId === logicalId));
}

/** The route keys a service's own stack adds to the API, read straight from its template. */
function routeKeysOf(stacks: readonly SynthesizedStack[], service: string): string[] {
  const stack = stacks.find((s) => s.name === `shop-dev-${service}`);
  return Object.values(stack?.template.Resources ?? {})
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((r) => String(r.Properties?.RouteKey));
}

describe("the diagram of an environment with ingress: 'http-api'", () => {
  it('draws the internet → HTTP API → VPC link → each public service, labelled with its routes and port', () => {
    const { diagram, stacks } = dev(false);
    const [api, ...moreApis] = diagram.nodes.filter((n) => n.kind === 'http-api');
    const [link, ...moreLinks] = diagram.nodes.filter((n) => n.kind === 'vpc-link');
    expect(moreApis).toEqual([]);
    expect(moreLinks).toEqual([]);
    // The API is a regional endpoint outside the VPC; the link's interfaces sit in its subnets.
    expect(api?.parent).toBeUndefined();
    expect(diagram.nodes.find((n) => n.id === link?.parent)?.kind).toBe('subnet-tier');
    expect(diagram.nodes.some((n) => n.kind === 'load-balancer')).toBe(false);

    const routes = diagram.edges.filter((e) => e.kind === 'route');
    expect(routes).toContainEqual(expect.objectContaining({ from: 'internet', to: api?.id }));
    expect(routes).toContainEqual(expect.objectContaining({ from: api?.id, to: link?.id }));

    const config = httpApiShop(false);
    for (const [name, service] of Object.entries(config.services ?? {})) {
      const node = diagram.nodes.find((n) => n.kind === 'service' && n.label === name);
      expect(node, name).toBeDefined();
      const into = routes.filter((e) => e.to === node?.id);
      if (service.public === false) {
        expect(into, `${name} is internal`).toEqual([]);
        continue;
      }
      expect(into.map((e) => e.from)).toEqual([link?.id]);
      const keys = routeKeysOf(stacks, name);
      expect(keys.length).toBe(service.paths?.length);
      for (const key of keys) expect(into[0]?.label, name).toContain(key.replace(/^ANY /, ''));
      // The route says the port the link's group is let in on; no second arrow repeats it.
      expect(into[0]?.label).toContain(`tcp ${service.port}`);
      expect(diagram.edges.filter((e) => e.from === link?.id && e.to === node?.id)).toHaveLength(1);
    }
  });

  it('puts every API Gateway resource on one node: the stage and domain on the API, routes and integrations on their service', () => {
    for (const domain of [false, true]) {
      const { diagram, stacks } = dev(domain);
      expect(diagramProblems(diagram, stacks)).toEqual([]);
      const expectedKind: Record<string, DiagramNode['kind']> = {
        'AWS::ApiGatewayV2::Api': 'http-api',
        'AWS::ApiGatewayV2::Stage': 'http-api',
        'AWS::ApiGatewayV2::DomainName': 'http-api',
        'AWS::ApiGatewayV2::ApiMapping': 'http-api',
        'AWS::ApiGatewayV2::VpcLink': 'vpc-link',
        'AWS::ApiGatewayV2::Route': 'service',
        'AWS::ApiGatewayV2::Integration': 'service',
      };
      let seen = 0;
      for (const stack of stacks) {
        for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
          if (!resource.Type.startsWith('AWS::ApiGatewayV2::')) continue;
          seen += 1;
          const holders = holderOf(diagram, stack.name, logicalId);
          expect(
            holders.map((h) => h.kind),
            `${stack.name}/${logicalId}`,
          ).toEqual([expectedKind[resource.Type]]);
        }
      }
      expect(seen).toBeGreaterThan(domain ? 6 : 4);
    }
  });

  it('names the stage and its throttling, and the custom domain in place of the generated endpoint', () => {
    const stageLine = `stage $default · ${HTTP_API_THROTTLE.rateLimit} req/s, burst ${HTTP_API_THROTTLE.burstLimit}`;
    const plain = dev(false).diagram.nodes.find((n) => n.kind === 'http-api');
    expect(plain?.details).toContain(stageLine);
    expect(plain?.details).toContain('execute-api endpoint');
    expect(plain?.details.join(' ')).not.toContain(DOMAIN);

    const withDomain = dev(true).diagram.nodes.find((n) => n.kind === 'http-api');
    expect(withDomain?.details).toContain(stageLine);
    expect(withDomain?.details).toContain(`${DOMAIN} → $default`);
    expect(withDomain?.details).toContain('execute-api endpoint off');
  });

  it('draws the same path in Mermaid: the API as its own shape, the routes on the arrow into each service', () => {
    const { diagram } = dev(true);
    const mermaid = diagramMermaid(diagram);
    const api = diagram.nodes.find((n) => n.kind === 'http-api');
    expect(mermaid).toContain(`{{"${[api?.label, ...(api?.details ?? [])].join('<br/>')}"}}`);
    const link = diagram.nodes.find((n) => n.kind === 'vpc-link');
    const routed = diagram.edges.filter((e) => e.kind === 'route' && e.from === link?.id);
    const publicServices = Object.values(httpApiShop(true).services ?? {}).filter((s) => s.public !== false);
    expect(routed.length).toBe(publicServices.length);
    for (const edge of routed) {
      expect(mermaid).toMatch(new RegExp(`_VpcLink\\w* -->\\|"${literally(edge.label!)}"\\|`));
    }
    expect(mermaid).toMatch(/n_internet -->\|"HTTPS"\| n_shop_dev_runtime_HttpApi/);
  });
});

/** A text as a regular expression that matches it and nothing else. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

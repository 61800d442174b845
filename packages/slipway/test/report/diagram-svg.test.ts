import { describe, expect, it } from 'vitest';
import { layoutDiagram, type LaidOutNode } from '../../src/report/diagram/layout.js';
import { renderLegendSvg } from '../../src/report/diagram/render-legend.js';
import { renderDiagramSvg } from '../../src/report/diagram/render-svg.js';
import type { Diagram } from '../../src/report/diagram/types.js';
import { vpcWithServices } from './diagram-fixtures.js';

/**
 * A small well-formedness check: every tag closes in order, attributes are quoted, and no raw `<`
 * or stray `&` sits in text. Enough to catch unescaped text and broken markup without a DOM.
 */
function expectWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(xml)) !== null) {
    const [, closing, name, attributes, selfClosing, text, strayLt] = match;
    if (strayLt)
      throw new Error(`unparsable markup at ${match.index}: ${xml.slice(match.index, match.index + 60)}`);
    for (const chunk of [text ?? '', attributes ?? '']) {
      const badAmp = /&(?!(?:amp|lt|gt|quot|#39);)/.exec(chunk);
      if (badAmp) throw new Error(`unescaped & in: ${chunk}`);
    }
    if (text !== undefined || !name) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}> at ${match.index}`);
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  expect(stack).toEqual([]);
}

const nodeIdsIn = (svg: string): string[] =>
  [...svg.matchAll(/<g class="node[^"]*" data-node-id="([^"]*)"/g)].map((m) => m[1] ?? '');

const inside = (child: LaidOutNode, parent: LaidOutNode): boolean =>
  child.x >= parent.x &&
  child.y >= parent.y &&
  child.x + child.width <= parent.x + parent.width &&
  child.y + child.height <= parent.y + parent.height;

const overlap = (a: LaidOutNode, b: LaidOutNode): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const small: Diagram = {
  title: 'staging · eu-west-1',
  nodes: [
    { id: 'vpc', kind: 'vpc', label: 'VPC', details: ['10.1.0.0/16'], resources: [] },
    { id: 'public', kind: 'subnet-tier', label: 'public', details: [], parent: 'vpc', resources: [] },
    { id: 'private', kind: 'subnet-tier', label: 'private', details: [], parent: 'vpc', resources: [] },
    {
      id: 'net/Alb',
      kind: 'load-balancer',
      label: 'alb',
      details: ['HTTPS 443'],
      parent: 'public',
      resources: [{ stack: 'net', logicalId: 'Alb', type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' }],
    },
    {
      id: 'app/Web',
      kind: 'service',
      label: 'web <beta> & "friends"',
      details: ['1 task · 0.25 vCPU & <512 MB>'],
      parent: 'private',
      resources: [{ stack: 'app', logicalId: 'Web', type: 'AWS::ECS::Service' }],
    },
    { id: 'topic', kind: 'topic', label: 'orders', details: [], resources: [] },
    { id: 'queue', kind: 'queue', label: 'orders-q', details: [], resources: [] },
  ],
  edges: [
    {
      id: 'net/Alb->app/Web:route',
      from: 'net/Alb',
      to: 'app/Web',
      kind: 'route',
      label: '/api/* & "<all>"',
    },
    { id: 'topic->queue:event', from: 'topic', to: 'queue', kind: 'event' },
  ],
};

describe('layoutDiagram and renderDiagramSvg', () => {
  it('draws every node exactly once, found by its data-node-id', async () => {
    const diagram = vpcWithServices(8);
    const svg = renderDiagramSvg(await layoutDiagram(diagram));
    expect(nodeIdsIn(svg).sort()).toEqual(diagram.nodes.map((node) => node.id).sort());
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(diagram.edges.length);
  });

  it("puts each child's box inside its parent's and keeps siblings apart", async () => {
    const laid = await layoutDiagram(vpcWithServices(12));
    const byId = new Map(laid.nodes.map((node) => [node.node.id, node]));
    for (const placed of laid.nodes) {
      expect(placed.width).toBeGreaterThan(0);
      expect(placed.height).toBeGreaterThan(0);
      const parent = placed.node.parent === undefined ? undefined : byId.get(placed.node.parent);
      if (parent) expect(inside(placed, parent), `${placed.node.id} inside ${parent.node.id}`).toBe(true);
      expect(placed.x + placed.width).toBeLessThanOrEqual(laid.width);
      expect(placed.y + placed.height).toBeLessThanOrEqual(laid.height);
    }
    for (const a of laid.nodes) {
      for (const b of laid.nodes) {
        if (a !== b && a.node.parent === b.node.parent) {
          expect(overlap(a, b), `${a.node.id} overlaps ${b.node.id}`).toBe(false);
        }
      }
    }
    expect(byId.get('vpc')?.isGroup).toBe(true);
    expect(byId.get('app/svc-00')?.depth).toBe(2);
  });

  it('routes each edge from its source to its target', async () => {
    const laid = await layoutDiagram(small);
    const route = laid.edges.find((edge) => edge.edge.kind === 'route');
    const alb = laid.nodes.find((node) => node.node.id === 'net/Alb');
    const web = laid.nodes.find((node) => node.node.id === 'app/Web');
    const [first] = route?.points ?? [];
    const last = route?.points.at(-1);
    expect(first && alb && Math.abs(first.x - (alb.x + alb.width))).toBeLessThan(1);
    expect(last && web && Math.abs(last.x - web.x)).toBeLessThan(1);
    expect(route?.labelBox?.width).toBeGreaterThan(0);
  });

  it('gives byte-identical SVG for the same diagram, whatever order its nodes and edges came in', async () => {
    const diagram = vpcWithServices(10);
    const reversed: Diagram = {
      ...diagram,
      nodes: [...diagram.nodes].reverse(),
      edges: [...diagram.edges].reverse(),
    };
    const first = renderDiagramSvg(await layoutDiagram(diagram), { idPrefix: 'a-' });
    const again = renderDiagramSvg(await layoutDiagram(diagram), { idPrefix: 'a-' });
    const shuffled = renderDiagramSvg(await layoutDiagram(reversed), { idPrefix: 'a-' });
    expect(again).toBe(first);
    expect(shuffled).toBe(first);
  });

  it('escapes labels, details, edge labels and tooltips, and stays well-formed', async () => {
    const svg = renderDiagramSvg(await layoutDiagram(small));
    expect(svg).toContain('web &lt;beta&gt; &amp; &quot;friends&quot;');
    expect(svg).toContain('1 task · 0.25 vCPU &amp; &lt;512 MB&gt;');
    expect(svg).toContain('/api/* &amp; &quot;&lt;all&gt;&quot;');
    expect(svg).not.toContain('<beta>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expectWellFormedXml(svg);
    expectWellFormedXml(renderDiagramSvg(await layoutDiagram(vpcWithServices(4))));
  });

  it('clips very long texts with an ellipsis and keeps them whole in the tooltip', async () => {
    const long = 'x'.repeat(30) + ' ' + 'y'.repeat(60);
    const laid = await layoutDiagram({
      title: 'long',
      nodes: [{ id: 'fn', kind: 'function', label: long, details: [long], resources: [] }],
      edges: [],
    });
    const [fn] = laid.nodes;
    expect(fn?.label).toMatch(/^x{30} y+…$/);
    expect([...(fn?.label ?? '')].length).toBeLessThan(long.length);
    expect(fn?.width).toBeLessThan(500);
    const svg = renderDiagramSvg(laid);
    expect(svg).toContain(`<title>${long} (Function)\n${long}</title>`);
    expect(svg).toContain(`>${fn?.label}</text>`);
  });

  it('lists whom a node reaches, who reaches it and the resources behind it in its tooltip', async () => {
    const svg = renderDiagramSvg(await layoutDiagram(small));
    const albTitle = [
      'alb (Load balancer)',
      'HTTPS 443',
      'Reaches:',
      '  web &lt;beta&gt; &amp; &quot;friends&quot; (route: /api/* &amp; &quot;&lt;all&gt;&quot;)',
      'Resources:',
      '  net/Alb (AWS::ElasticLoadBalancingV2::LoadBalancer)',
    ].join('\n');
    expect(svg).toContain(`data-node-id="net/Alb"><title>${albTitle}</title>`);
    expect(svg).toContain('<title>orders (Topic)\nReaches:\n  orders-q (event)</title>');
    expect(svg).toContain('<title>orders → orders-q (event)</title>');
  });

  it('sums up long connection lists in a tooltip', async () => {
    const svg = renderDiagramSvg(await layoutDiagram(vpcWithServices(15)));
    const cache = /data-node-id="app\/Cache"><title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
    expect(cache).toContain('Reached from:\n  svc-00 (network reach: tcp 6379)');
    expect(cache).toContain('  … and 3 more');
  });

  it('marks changed nodes with a class and outline and badges their findings', async () => {
    const laid = await layoutDiagram(small);
    const plain = renderDiagramSvg(laid);
    const marked = renderDiagramSvg(laid, {
      changes: new Map([
        ['app/Web', 'added'],
        ['net/Alb', 'replaced'],
        ['public', 'changed'],
      ]),
      findings: new Map([
        ['app/Web', { errors: 2, warnings: 1 }],
        ['queue', { errors: 0, warnings: 0 }],
      ]),
    });
    expect(plain).not.toContain('change-');
    expect(plain).not.toContain('findings-badge');
    expect(marked).toContain('<g class="node kind-service change-added" data-node-id="app/Web">');
    expect(marked).toContain('<g class="node kind-load-balancer change-replaced" data-node-id="net/Alb">');
    expect(marked).toContain('<g class="node kind-subnet-tier group change-changed" data-node-id="public">');
    expect(marked).toContain('stroke="#1f9d55" stroke-width="2.5"');
    expect(marked.match(/class="findings-badge"/g)).toHaveLength(1);
    expect(marked).toContain('<title>2 errors, 1 warning</title>');
    expect(marked).toContain('✕ 2');
    expectWellFormedXml(marked);
  });

  it('prefixes every element id, so two diagrams can share a page', async () => {
    const laid = await layoutDiagram(small);
    const ids = (svg: string): string[] => [...svg.matchAll(/ id="([^"]*)"/g)].map((m) => m[1] ?? '');
    const one = renderDiagramSvg(laid, { idPrefix: 'env-prod-' });
    const two = renderDiagramSvg(laid, { idPrefix: 'env-dev-' });
    expect(ids(one).length).toBeGreaterThan(0);
    expect(ids(one).every((id) => id.startsWith('env-prod-'))).toBe(true);
    expect(ids(one).filter((id) => ids(two).includes(id))).toEqual([]);
    for (const [, ref] of one.matchAll(/url\(#([^)]*)\)/g)) expect(ids(one)).toContain(ref);
    expect(() => renderDiagramSvg(laid, { idPrefix: '1 bad' })).toThrow(/marks\.idPrefix is "1 bad"/);
  });

  it('refuses a node whose parent is missing, an edge to nowhere and a repeated id, naming the field', async () => {
    const base: Diagram = { title: 't', nodes: small.nodes, edges: [] };
    await expect(
      layoutDiagram({ ...base, nodes: [...base.nodes, { ...small.nodes[4]!, id: 'x', parent: 'nowhere' }] }),
    ).rejects.toThrow(/nodes\[id="x"\]\.parent is "nowhere"/);
    await expect(
      layoutDiagram({ ...base, edges: [{ id: 'e', from: 'app/Web', to: 'ghost', kind: 'network' }] }),
    ).rejects.toThrow(/edges\[id="e"\]\.to is "ghost"/);
    await expect(layoutDiagram({ ...base, nodes: [...base.nodes, small.nodes[0]!] })).rejects.toThrow(
      /nodes\[id="vpc"\] appears twice/,
    );
    await expect(
      layoutDiagram({
        ...base,
        nodes: [
          { id: 'a', kind: 'vpc', label: 'a', details: [], parent: 'b', resources: [] },
          { id: 'b', kind: 'cluster', label: 'b', details: [], parent: 'a', resources: [] },
        ],
      }),
    ).rejects.toThrow(/leads back to itself/);
  });

  it('routes edges that end on a group, leave a group or loop back to their node', async () => {
    const laid = await layoutDiagram({
      ...small,
      edges: [
        ...small.edges,
        { id: 'topic->vpc:network', from: 'topic', to: 'vpc', kind: 'network' },
        { id: 'private->queue:route', from: 'private', to: 'queue', kind: 'route' },
        { id: 'queue->queue:event', from: 'queue', to: 'queue', kind: 'event', label: 'retry' },
      ],
    });
    expect(laid.edges).toHaveLength(5);
    for (const edge of laid.edges) expect(edge.points.length, edge.edge.id).toBeGreaterThanOrEqual(2);
    expectWellFormedXml(renderDiagramSvg(laid));
  });

  it('lays out an empty diagram', async () => {
    const laid = await layoutDiagram({ title: 'empty', nodes: [], edges: [] });
    expect(laid.nodes).toEqual([]);
    expectWellFormedXml(renderDiagramSvg(laid));
  });

  it('draws a legend of the kinds asked for, with its own prefixed arrowheads', () => {
    const all = renderLegendSvg();
    for (const name of [
      'VPC',
      'Service',
      'Database',
      'Network reach',
      'Event',
      'Added',
      'Removed',
      'Errors',
    ]) {
      expect(all).toContain(`>${name}</text>`);
    }
    const some = renderLegendSvg({
      kinds: ['service', 'subnet-tier'],
      edgeKinds: ['route'],
      idPrefix: 'key-',
    });
    expect(some).toContain('>Service</text>');
    expect(some).toContain('>Subnet tier</text>');
    expect(some).toContain('>Route</text>');
    expect(some).not.toContain('>Database</text>');
    expect(some).not.toContain('>Network reach</text>');
    expect(some).toContain('marker-end="url(#key-arrow-route)"');
    expectWellFormedXml(all);
    expectWellFormedXml(some);
  });
});

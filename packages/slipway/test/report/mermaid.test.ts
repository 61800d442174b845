import { describe, expect, it } from 'vitest';
import { diagramMermaid, MERMAID_EDGE_LIMIT, MERMAID_NODE_LIMIT } from '../../src/report/diagram/mermaid.js';
import type { Diagram, DiagramNode } from '../../src/report/diagram/types.js';

function node(
  id: string,
  kind: DiagramNode['kind'],
  label: string,
  parent?: string,
  details: string[] = [],
): DiagramNode {
  return { id, kind, label, details, ...(parent === undefined ? {} : { parent }), resources: [] };
}

const DIAGRAM: Diagram = {
  title: 'dev · eu-west-1',
  nodes: [
    node('vpc', 'vpc', 'VPC 10.0.0.0/16'),
    node('private', 'subnet-tier', 'private subnets', 'vpc'),
    node('app-dev-web/Service', 'service', 'web', 'private', ['2 tasks · 0.5 vCPU']),
    node('app-dev-data/main', 'database', 'main "orders" <PostgreSQL 17> & #1', 'private'),
    node('app-dev-runtime/Alb', 'load-balancer', 'load balancer', 'vpc'),
    node('end', 'queue', 'end'),
  ],
  edges: [
    { id: 'a', from: 'app-dev-web/Service', to: 'app-dev-data/main', kind: 'network', label: 'tcp 5432' },
    { id: 'b', from: 'app-dev-runtime/Alb', to: 'app-dev-web/Service', kind: 'route', label: '/api/*' },
    { id: 'c', from: 'end', to: 'app-dev-web/Service', kind: 'event' },
    { id: 'd', from: 'missing', to: 'end', kind: 'event' },
  ],
};

describe('diagramMermaid', () => {
  const text = diagramMermaid(DIAGRAM, new Map([['app-dev-data/main', 'replaced']]));

  it('draws group nodes as nested subgraphs', () => {
    expect(text).toMatch(/^flowchart LR\n/);
    expect(text).toContain('  subgraph n_vpc["VPC 10.0.0.0/16"]\n    subgraph n_private["private subnets"]');
    expect(text.match(/^\s*end$/gm)).toHaveLength(2);
  });

  it('gives each kind its shape and safe ids, and escapes labels', () => {
    expect(text).toContain('n_app_dev_web_Service("web<br/>2 tasks · 0.5 vCPU")');
    expect(text).toContain(
      'n_app_dev_data_main[("main #quot;orders#quot; #lt;PostgreSQL 17#gt; #amp; #35;1")]',
    );
    expect(text).toContain('n_app_dev_runtime_Alb{{"load balancer"}}');
    // A node named like Mermaid's `end` keyword keeps a prefixed id.
    expect(text).toContain('n_end>"end"]');
  });

  it('draws each edge kind in its own style and drops edges to unknown nodes', () => {
    expect(text).toContain('n_app_dev_web_Service -.->|"tcp 5432"| n_app_dev_data_main');
    expect(text).toContain('n_app_dev_runtime_Alb -->|"/api/*"| n_app_dev_web_Service');
    expect(text).toContain('n_end ==> n_app_dev_web_Service');
    expect(text).not.toContain('missing');
  });

  it('styles changed nodes with a class per change', () => {
    expect(text).toMatch(/classDef replaced fill:#ffebe9/);
    expect(text).toContain('class n_app_dev_data_main replaced');
    expect(diagramMermaid(DIAGRAM)).not.toContain('classDef');
  });

  it('keeps ids apart that reduce to the same text', () => {
    const twins = diagramMermaid({
      title: 't',
      nodes: [node('a/b', 'service', 'one'), node('a-b', 'service', 'two')],
      edges: [],
    });
    expect(twins).toContain('n_a_b("one")');
    expect(twins).toContain('n_a_b_2("two")');
  });

  it('collapses a diagram over the node limit to one node per kind in each group', () => {
    const services = Array.from({ length: MERMAID_NODE_LIMIT }, (_, i) =>
      node(`s${i}`, 'service', `svc-${i}`, 'vpc'),
    );
    const big: Diagram = {
      title: 'big',
      nodes: [node('vpc', 'vpc', 'VPC'), ...services, node('db', 'database', 'main', 'vpc')],
      edges: services.map((s) => ({
        id: s.id,
        from: s.id,
        to: 'db',
        kind: 'network' as const,
        label: 'tcp 5432',
      })),
    };
    const collapsed = diagramMermaid(
      big,
      new Map([
        ['s7', 'added'],
        ['s9', 'replaced'],
      ]),
    );
    expect(collapsed).toContain(`"${MERMAID_NODE_LIMIT} × service"`);
    expect(collapsed).not.toContain('svc-1');
    expect(collapsed.match(/-\.->/g)).toHaveLength(1);
    expect(collapsed).toMatch(/class n_vpc_service replaced/);
  });

  it('collapses a diagram over the edge limit even with few nodes', () => {
    const services = Array.from({ length: 30 }, (_, i) => node(`s${i}`, 'service', `svc-${i}`, 'vpc'));
    const edges = services.flatMap((a) =>
      services
        .filter((b) => b !== a)
        .map((b) => ({ id: `${a.id}>${b.id}`, from: a.id, to: b.id, kind: 'network' as const })),
    );
    expect(edges.length).toBeGreaterThan(MERMAID_EDGE_LIMIT);
    const collapsed = diagramMermaid({
      title: 'mesh',
      nodes: [node('vpc', 'vpc', 'VPC'), ...services],
      edges,
    });
    expect(collapsed).toContain('"30 × service"');
    // Edges inside one collapsed node are dropped rather than drawn as loops.
    expect(collapsed).not.toMatch(/-\.->/);
  });
});

import type {
  Diagram,
  DiagramEdge,
  DiagramNode,
  DiagramNodeKind,
  ResourceRef,
} from '../../src/report/diagram/types.js';

const ref = (logicalId: string, type: string): ResourceRef => ({ stack: 'app', logicalId, type });

function thing(
  id: string,
  kind: DiagramNodeKind,
  label: string,
  parent: string | undefined,
  details: string[] = [],
  type = 'AWS::CloudFormation::Stack',
): DiagramNode {
  return {
    id,
    kind,
    label,
    details,
    ...(parent ? { parent } : {}),
    resources: [ref(id.split('/').pop() ?? id, type)],
  };
}

function edge(from: string, to: string, kind: DiagramEdge['kind'], label?: string): DiagramEdge {
  return { id: `${from}->${to}:${kind}`, from, to, kind, ...(label ? { label } : {}) };
}

/**
 * A VPC with public, private and data tiers: the internet reaches a load balancer that routes to
 * `services` services, each of which reaches one of three databases and a shared cache.
 */
export function vpcWithServices(services: number): Diagram {
  const nodes: DiagramNode[] = [
    thing('internet', 'internet', 'Internet', undefined),
    {
      id: 'vpc',
      kind: 'vpc',
      label: 'VPC',
      details: ['10.0.0.0/16', '3 AZs'],
      resources: [ref('Vpc', 'AWS::EC2::VPC')],
    },
    { id: 'tier/public', kind: 'subnet-tier', label: 'public', details: [], parent: 'vpc', resources: [] },
    { id: 'tier/private', kind: 'subnet-tier', label: 'private', details: [], parent: 'vpc', resources: [] },
    { id: 'tier/data', kind: 'subnet-tier', label: 'data', details: [], parent: 'vpc', resources: [] },
    thing(
      'app/Alb',
      'load-balancer',
      'alb',
      'tier/public',
      ['HTTPS 443 · 2 AZs'],
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
    ),
    thing('app/Cache', 'cache', 'cache (Valkey 8)', 'tier/data', ['cache.t4g.micro · 1 node']),
  ];
  const edges: DiagramEdge[] = [edge('internet', 'app/Alb', 'route', 'https')];
  for (const db of ['orders', 'billing', 'catalog']) {
    nodes.push(
      thing(`app/${db}Db`, 'database', `${db} (PostgreSQL 17)`, 'tier/data', ['db.t4g.medium · Multi-AZ']),
    );
  }
  const dbs = ['orders', 'billing', 'catalog'];
  for (let index = 0; index < services; index++) {
    const name = `svc-${String(index).padStart(2, '0')}`;
    const id = `app/${name}`;
    nodes.push(
      thing(id, 'service', name, 'tier/private', ['2 tasks · 0.5 vCPU · 1 GB'], 'AWS::ECS::Service'),
    );
    edges.push(edge('app/Alb', id, 'route', `/${name}/*`));
    edges.push(edge(id, `app/${dbs[index % 3]}Db`, 'network', 'tcp 5432'));
    edges.push(edge(id, 'app/Cache', 'network', 'tcp 6379'));
  }
  return { title: 'prod · eu-west-1', nodes, edges };
}

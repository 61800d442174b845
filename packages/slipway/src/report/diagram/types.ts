/**
 * An environment drawn as a graph: what the synthesized templates would create, grouped the way
 * people picture it (the VPC, its subnet tiers, the cluster), and who may reach whom. Pure data:
 * the layout, the SVG, the Mermaid summary and the tests all read this one shape.
 */

/** One template resource a node stands for; findings and diff rows land on nodes through these. */
export interface ResourceRef {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
}

export type DiagramNodeKind =
  // groups: nodes that hold other nodes
  | 'vpc'
  | 'subnet-tier'
  | 'cluster'
  // the delivery graph's frames: a workflow file, or a GitLab stage
  | 'workflow'
  // things
  | 'internet'
  | 'nat'
  | 'load-balancer'
  | 'listener'
  | 'http-api'
  | 'vpc-link'
  | 'service'
  | 'database'
  | 'cache'
  | 'table'
  | 'queue'
  | 'topic'
  | 'function'
  | 'distribution'
  | 'firewall'
  | 'node-pool'
  | 'user-pool'
  | 'bucket'
  | 'registry'
  | 'role'
  // the delivery graph (workflow jobs), drawn by the same renderer
  | 'job';

export interface DiagramNode {
  /** Stable across runs: `<stack>/<logicalId>` of the main resource, or a fixed name for groups. */
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** One short line, e.g. `web` or `main (PostgreSQL 17)`. */
  readonly label: string;
  /** Lines under the label, e.g. `2 tasks · 0.5 vCPU · 1 GB · Spot`, `Multi-AZ · 1 replica`. */
  readonly details: readonly string[];
  /** The group node this one sits in (a subnet tier, the VPC, the cluster); none at the top. */
  readonly parent?: string;
  /** The template resources this node stands for: its main resource first. */
  readonly resources: readonly ResourceRef[];
}

export type DiagramEdgeKind =
  /** Network reach allowed by a security-group rule: `from` may open connections to `to`. */
  | 'network'
  /**
   * A load balancer, distribution or HTTP API forwards requests: listener → service, CloudFront →
   * ALB, HTTP API → VPC link → service.
   */
  | 'route'
  /** An event or message flows: topic → queue, queue → function, table stream → function. */
  | 'event'
  /** Workflow order (`needs`), in the delivery graph. */
  | 'needs';

export interface DiagramEdge {
  /** Stable: `<from>-><to>` plus the kind. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramEdgeKind;
  /** e.g. `tcp 5432`, `/api/*`, `OIDC: environment:production`. */
  readonly label?: string;
}

export interface Diagram {
  /** What it shows, e.g. `prod · eu-west-1` or `delivery`. */
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** How a change touches a node, for colouring; a node takes the strongest of its resources'. */
export type NodeChange = 'added' | 'changed' | 'replaced' | 'removed';

/**
 * What stands between the internet and an ECS environment's public services: the shared
 * Application Load Balancer, or an API Gateway HTTP API reaching the tasks through a VPC link
 * (decisions 027 and 028). The choice is resolved once per environment, with the reason the plan
 * prints and everything that rules the HTTP API out.
 */

export type Ingress = 'load-balancer' | 'http-api';

/** One thing that needs the load balancer, and so rules the HTTP API out. */
export interface LoadBalancerNeed {
  /** The public service that needs it; absent when the environment as a whole does (edge, region, EKS). */
  readonly service?: string;
  /** The setting that needs it, as written in the config: `stickySessions`, `allowedCidrs`, `scaling.requestsPerTarget`, `paths`, `deployment.strategy`, `edge`, `region`, `runtime`. */
  readonly field: string;
  /** Why an HTTP API cannot do it, in a clause the plan and the errors quote. */
  readonly why: string;
}

/** How an environment's ingress was chosen. */
export interface IngressChoice {
  readonly ingress: Ingress;
  /** The config chose it (`environments.<env>.ingress`); otherwise it is the default. */
  readonly set: boolean;
  /** One sentence for the plan: why this ingress. */
  readonly reason: string;
  /** What rules the HTTP API out, in service order then the environment's own; empty when nothing does. */
  readonly needsLoadBalancer: readonly LoadBalancerNeed[];
}

/**
 * What stands between the internet and an ECS environment's public services: the shared
 * Application Load Balancer, or an API Gateway HTTP API reaching the tasks through a VPC link
 * (decisions 027 and 028). The choice is resolved once per environment, with the reason the plan
 * prints and everything that rules the HTTP API out.
 */

export type Ingress = 'load-balancer' | 'http-api';

/** How the plan, the report and the pull-request summary name each ingress. */
export const INGRESS_NAMES: Readonly<Record<Ingress, string>> = {
  'load-balancer': 'load balancer',
  'http-api': 'HTTP API',
};

/** The resource that is each ingress: a runtime template holding it has that ingress. */
export const INGRESS_RESOURCE_TYPES: Readonly<Record<Ingress, string>> = {
  'load-balancer': 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'http-api': 'AWS::ApiGatewayV2::Api',
};

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

/**
 * The needs grouped for a sentence: each service with its fields, in the order they came, then the
 * environment's own fields, each named by `environmentField`.
 */
export function groupNeeds(
  needs: readonly LoadBalancerNeed[],
  environmentField: (field: string) => string,
): {
  readonly services: readonly (readonly [string, readonly string[]])[];
  readonly environment: readonly string[];
} {
  const byService = new Map<string, string[]>();
  const environment: string[] = [];
  for (const need of needs) {
    if (need.service === undefined) environment.push(environmentField(need.field));
    else byService.set(need.service, [...(byService.get(need.service) ?? []), need.field]);
  }
  return { services: [...byService], environment };
}

import {
  groupNeeds,
  type Ingress,
  type IngressChoice,
  INGRESS_RESOURCE_TYPES,
  type LoadBalancerNeed,
} from '../../model/ingress.js';
import { routableOnHttpApi } from '../../model/load-balancer-routing.js';
import { MISSING_RESOURCE_TYPES, type RegionCode } from '../data/aws-tables.generated.js';
import type { EnvironmentModel, ServiceModel } from '../../model/types.js';

/** What the ingress depends on: the environment as resolved before it (a model without a region: any). */
export type IngressInputs = Pick<EnvironmentModel, 'name' | 'production' | 'runtime' | 'edge' | 'services'> &
  Partial<Pick<EnvironmentModel, 'region'>>;

/** The HTTP API's own resource type: a region whose CloudFormation lacks it offers no HTTP API. */
const HTTP_API_TYPE = INGRESS_RESOURCE_TYPES['http-api'];

/**
 * The ingress an environment gets when its config does not choose one: outside production the
 * HTTP API when nothing needs the load balancer, as it is the cheaper one (no hourly charge, no
 * public addresses of its own; decision 027); production keeps the load balancer unless its config
 * says otherwise, and so does an environment with no public service (nothing is built either way).
 */
export function defaultIngress(env: IngressInputs, needsLoadBalancer: readonly LoadBalancerNeed[]): Ingress {
  const exposed = env.services.some((service) => service.public);
  return exposed && !env.production && env.runtime !== 'eks' && needsLoadBalancer.length === 0
    ? 'http-api'
    : 'load-balancer';
}

/**
 * The environment's ingress and why: the config's choice when it makes one, otherwise the
 * default, with everything that rules the HTTP API out either way. Validation refuses an
 * explicit 'http-api' that something here rules out.
 */
export function resolveIngress(env: IngressInputs, set: Ingress | undefined): IngressChoice {
  const needsLoadBalancer = loadBalancerNeeds(env);
  const ingress = set ?? defaultIngress(env, needsLoadBalancer);
  return {
    ingress,
    set: set !== undefined,
    reason: reasonFor(env, ingress, set, needsLoadBalancer),
    needsLoadBalancer,
  };
}

/**
 * Everything that rules the HTTP API out for this environment: per public service its sticky
 * sessions, source-address allow-list and traffic-shifting deployment, then the environment's
 * edge, region (where CloudFormation offers no HTTP API) and runtime. Previews are not among them: on an HTTP API each takes a route prefix of its own. Empty when no service is public: there is no ingress to choose.
 *
 * Requests that run over 30 seconds and WebSockets need the load balancer too (an HTTP API's
 * integration timeout is at most 30 s and it carries no WebSockets), but no service setting says
 * either, so neither is listed here; `docs/config.md` tells users.
 */
export function loadBalancerNeeds(env: IngressInputs): LoadBalancerNeed[] {
  const exposed = env.services.filter((service) => service.public);
  if (exposed.length === 0) return [];
  if (env.runtime === 'eks') {
    return [
      {
        field: 'runtime',
        why: "on EKS the AWS Load Balancer Controller makes the load balancer from the services' Ingresses",
      },
    ];
  }
  return [
    ...exposed.flatMap(serviceNeeds),
    ...(env.edge === undefined
      ? []
      : [
          { field: 'edge', why: 'CloudFront reaches the services through a VPC origin on the load balancer' },
        ]),
    ...(env.region !== undefined && offersNoHttpApi(env.region)
      ? [
          {
            field: 'region',
            why: `API Gateway HTTP APIs are not offered in ${env.region} (its CloudFormation has no ${HTTP_API_TYPE})`,
          },
        ]
      : []),
  ];
}

function offersNoHttpApi(region: string): boolean {
  return (MISSING_RESOURCE_TYPES[region as RegionCode] ?? []).includes(HTTP_API_TYPE);
}

function serviceNeeds(service: ServiceModel): LoadBalancerNeed[] {
  const needs: LoadBalancerNeed[] = [];
  if (service.stickySessions === true) {
    needs.push({
      service: service.name,
      field: 'stickySessions',
      why: 'an HTTP API spreads requests over the healthy tasks and has no session affinity',
    });
  }
  if (service.allowedCidrs.length > 0) {
    needs.push({
      service: service.name,
      field: 'allowedCidrs',
      why: "the allow-list is a source-address condition on the load balancer's listener; an HTTP API takes no resource policy and no AWS WAF, so only an authorizer could filter by address",
    });
  }
  if (service.scaling.requestsPerTarget !== undefined) {
    needs.push({
      service: service.name,
      field: 'scaling.requestsPerTarget',
      why: "scaling on requests per task reads the load balancer's count per target group",
    });
  }
  const unroutable = service.paths.find((pattern) => !routableOnHttpApi(pattern));
  if (unroutable !== undefined) {
    needs.push({
      service: service.name,
      field: 'paths',
      why: `'${unroutable}' has a wildcard before its end, and an HTTP API route takes one only as its last segment`,
    });
  }
  if (service.deployment.strategy !== 'rolling') {
    needs.push({
      service: service.name,
      field: 'deployment.strategy',
      why: `a ${service.deployment.strategy} deployment shifts traffic between two target groups of the load balancer`,
    });
  }
  return needs;
}

function reasonFor(
  env: IngressInputs,
  ingress: Ingress,
  set: Ingress | undefined,
  needs: readonly LoadBalancerNeed[],
): string {
  if (!env.services.some((service) => service.public)) {
    return 'No service is public, so no ingress is built.';
  }
  if (env.runtime === 'eks') {
    return "On EKS the AWS Load Balancer Controller makes the load balancer from the services' Ingresses.";
  }
  if (set !== undefined) {
    return needs.length === 0
      ? `Set to '${set}' in the config.`
      : `Set to '${set}' in the config; the load balancer is needed by ${describeNeeds(needs)}.`;
  }
  if (needs.length > 0) return `The load balancer, needed by ${describeNeeds(needs)}.`;
  if (env.production) return 'Production keeps the load balancer unless its config sets the ingress.';
  return 'The HTTP API, the default outside production: nothing here needs the load balancer.';
}

/** How the plan's sentence names a need of the environment as a whole. */
const ENVIRONMENT_NEED_NAMES: Readonly<Record<string, string>> = { edge: 'the edge', region: 'the region' };

/** `pgadmin (stickySessions, allowedCidrs), the edge and the region`: fields grouped by service, then the environment's. */
export function describeNeeds(needs: readonly LoadBalancerNeed[]): string {
  const { services, environment } = groupNeeds(needs, (field) => ENVIRONMENT_NEED_NAMES[field] ?? field);
  return listed([
    ...services.map(([service, fields]) => `${service} (${fields.join(', ')})`),
    ...environment,
  ]);
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

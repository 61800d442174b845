/**
 * Uptime canaries, decided once for validation and the monitoring stack alike: which public
 * services get one, the URL each calls (the one viewers use), and why an environment cannot have
 * them. Pure data, like the rest of the model.
 */
import { serviceAnswering } from './load-balancer-routing.js';
import { observabilityOf } from './observability.js';
import type { EnvironmentModel } from './types.js';

/** Minutes between two runs of a canary. */
export const UPTIME_RATE_MINUTES = 5;

/** What the decision reads of an environment. */
export type UptimeEnvironment = Pick<
  EnvironmentModel,
  'production' | 'observability' | 'runtime' | 'services' | 'domain' | 'edge'
> &
  Partial<Pick<EnvironmentModel, 'ingress'>>;

/**
 * Where a canary calls. `host`: the name viewers use, over HTTPS (the edge's domain, or the
 * environment's domain on the load balancer's HTTPS listener). `load-balancer`: an environment
 * without a domain, whose viewers use the load balancer's own DNS name over plain HTTP; the name is
 * read at deploy time from the runtime stack's `alb-dns-name` parameter.
 */
export type UptimeEndpoint =
  | { readonly kind: 'host'; readonly host: string }
  | { readonly kind: 'load-balancer' }
  | { readonly kind: 'http-api' };

/** One canary: the service it watches and the path it calls on the endpoint. */
export interface UptimeCheck {
  readonly service: string;
  readonly path: string;
}

/** Why an environment with uptime on cannot have a canary for every public service. */
export type UptimeProblem =
  | { readonly kind: 'no-public-service' }
  | { readonly kind: 'edge-without-domain' }
  | { readonly kind: 'eks-without-domain' }
  | { readonly kind: 'allowed-cidrs'; readonly service: string }
  | {
      readonly kind: 'health-path-elsewhere';
      readonly service: string;
      readonly healthPath: string;
      /** The service the load balancer sends the path to instead; undefined when none (a 404). */
      readonly answeredBy?: string;
    };

export interface UptimePlan {
  /** Undefined when uptime is off or no endpoint can be named. */
  readonly endpoint?: UptimeEndpoint;
  readonly checks: readonly UptimeCheck[];
  readonly problems: readonly UptimeProblem[];
}

const NONE: UptimePlan = { checks: [], problems: [] };

/**
 * The canaries an environment gets: none with uptime off; with it on, one per public service, or
 * the problems that stop them. A canary runs in AWS's network outside the VPC, so it must reach
 * the service the way a viewer does, and the URL it calls must land on that service.
 */
export function uptimePlan(env: UptimeEnvironment): UptimePlan {
  if (!observabilityOf(env).uptime) return NONE;
  const publicServices = env.services.filter((s) => s.public);
  if (publicServices.length === 0) return { checks: [], problems: [{ kind: 'no-public-service' }] };
  const endpoint = viewerEndpoint(env);
  const problems: UptimeProblem[] = typeof endpoint === 'string' ? [{ kind: endpoint }] : [];
  for (const service of publicServices) {
    if (service.allowedCidrs.length > 0) problems.push({ kind: 'allowed-cidrs', service: service.name });
    const answeredBy = serviceAnswering(env.services, service.healthPath);
    if (answeredBy !== service.name) {
      problems.push({
        kind: 'health-path-elsewhere',
        service: service.name,
        healthPath: service.healthPath,
        ...(answeredBy === undefined ? {} : { answeredBy }),
      });
    }
  }
  if (typeof endpoint === 'string' || problems.length > 0) return { checks: [], problems };
  return {
    endpoint,
    checks: publicServices.map((s) => ({ service: s.name, path: s.healthPath })),
    problems: [],
  };
}

/**
 * The name viewers reach the public services by. With an edge that is CloudFront: its domain when
 * set; without one the distribution's `*.cloudfront.net` name, which exists only once the edge
 * stack has deployed in us-east-1, so uptime asks for the domain instead (the internal load
 * balancer behind the edge cannot be reached from outside the VPC at all). On EKS the load
 * balancer is made by the cluster's controller, so only the environment's domain names it.
 */
function viewerEndpoint(
  env: UptimeEnvironment,
): UptimeEndpoint | 'edge-without-domain' | 'eks-without-domain' {
  if (env.edge !== undefined) {
    return env.edge.domain === undefined
      ? 'edge-without-domain'
      : { kind: 'host', host: env.edge.domain.name };
  }
  if (env.domain !== undefined) return { kind: 'host', host: env.domain.name };
  if (env.runtime === 'eks') return 'eks-without-domain';
  return env.ingress === 'http-api' ? { kind: 'http-api' } : { kind: 'load-balancer' };
}

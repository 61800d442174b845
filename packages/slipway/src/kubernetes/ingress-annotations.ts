import type { EnvironmentModel, ServiceModel } from '../model/types.js';

const PREFIX = 'alb.ingress.kubernetes.io/';

/**
 * Every annotation a Slipway Ingress may carry, each for a reason; anything else (a copied
 * snippet, an annotation that opens the load balancer wider) is refused when the Ingress is built.
 * Keys ending in `.` are prefixes: the suffix names the backend Service.
 */
export const ALLOWED_INGRESS_ANNOTATIONS: readonly string[] = [
  // One ALB per environment, shared by its public services, as on ECS.
  `${PREFIX}group.name`,
  // Rule order within the shared ALB: specific paths before catch-alls (`/pgadmin/*` before `/*`).
  `${PREFIX}group.order`,
  `${PREFIX}scheme`,
  // Pods are targets directly (no NodePort hop), as Fargate tasks are.
  `${PREFIX}target-type`,
  `${PREFIX}healthcheck-path`,
  `${PREFIX}listen-ports`,
  // HTTPS only with a domain: its certificate, and HTTP redirected to it.
  `${PREFIX}certificate-arn`,
  `${PREFIX}ssl-redirect`,
  // allowedCidrs as a source-IP condition on the service's own rule: on a shared ALB, inbound-cidrs
  // would widen or narrow every service's security group at once.
  `${PREFIX}conditions.`,
  // Draining no longer than the app's stop timeout, and pgAdmin's sticky sessions.
  `${PREFIX}target-group-attributes`,
];

/** True when `key` is on the allow-list, exactly or under one of its prefixes. */
export function isAllowedIngressAnnotation(key: string): boolean {
  return ALLOWED_INGRESS_ANNOTATIONS.some((allowed) =>
    allowed.endsWith('.') ? key.startsWith(allowed) && key.length > allowed.length : key === allowed,
  );
}

export interface IngressAnnotationProps {
  readonly ingressGroupName: string;
  /** Position of the service's rules on the shared ALB, from `ingressOrder`. */
  readonly order: number;
}

/** The AWS Load Balancer Controller's settings for one public service. */
export function ingressAnnotations(
  env: EnvironmentModel,
  service: ServiceModel,
  props: IngressAnnotationProps,
): Record<string, string> {
  const annotations: Record<string, string> = {
    [`${PREFIX}group.name`]: props.ingressGroupName,
    [`${PREFIX}group.order`]: String(props.order),
    [`${PREFIX}scheme`]: 'internet-facing',
    [`${PREFIX}target-type`]: 'ip',
    [`${PREFIX}healthcheck-path`]: service.healthPath,
    [`${PREFIX}listen-ports`]: JSON.stringify(env.domain ? [{ HTTP: 80 }, { HTTPS: 443 }] : [{ HTTP: 80 }]),
    [`${PREFIX}target-group-attributes`]: targetGroupAttributes(service),
  };
  if (env.domain) {
    annotations[`${PREFIX}certificate-arn`] = env.domain.certificateArn;
    annotations[`${PREFIX}ssl-redirect`] = '443';
  }
  if (service.allowedCidrs.length > 0) {
    annotations[`${PREFIX}conditions.${service.name}`] = JSON.stringify([
      { field: 'source-ip', sourceIpConfig: { values: [...service.allowedCidrs] } },
    ]);
  }
  const refused = Object.keys(annotations).filter((key) => !isAllowedIngressAnnotation(key));
  if (refused.length > 0) {
    throw new Error(`Ingress annotations outside the allow-list: ${refused.join(', ')}`);
  }
  return annotations;
}

function targetGroupAttributes(service: ServiceModel): string {
  const attributes = [`deregistration_delay.timeout_seconds=${service.stopTimeoutSeconds}`];
  if (service.stickySessions) {
    attributes.push('stickiness.enabled=true', 'stickiness.type=lb_cookie');
    attributes.push('stickiness.lb_cookie.duration_seconds=3600');
  }
  return attributes.join(',');
}

import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import type { IHTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { ingressAnnotations } from './ingress-annotations.js';
import { serviceLabels } from './labels.js';
import { ManifestError, servicePathOf } from './manifest-error.js';

const AUTO_MODE_UNSUPPORTED_GROUP_ANNOTATION = 'alb.ingress.kubernetes.io/group.name';

export interface IngressProps {
  readonly app: string;
  readonly namespace: string;
  readonly ingressGroupName: string;
}

/**
 * A public service's rules on the environment's shared ALB (the AWS Load Balancer Controller's
 * `alb` class): its path patterns, to its ClusterIP Service. Internal services get none.
 */
export function serviceIngress(
  env: EnvironmentModel,
  service: ServiceModel,
  props: IngressProps,
): Ingress | undefined {
  if (!service.public) return undefined;
  if (service.paths.length === 0) {
    throw new ManifestError(
      servicePathOf(env.name, service.name, 'paths'),
      'a public service needs at least one path pattern',
      "route it with e.g. paths: ['/*']",
    );
  }
  const annotations = ingressAnnotations(env, service, {
    ingressGroupName: props.ingressGroupName,
    order: ingressOrder(env, service),
  });
  // EKS Auto Mode takes the group from the class's IngressClassParams and ignores the annotation.
  if (env.eks?.nodes === 'auto') delete annotations[AUTO_MODE_UNSUPPORTED_GROUP_ANNOTATION];
  return new Ingress({
    metadata: {
      name: service.name,
      namespace: props.namespace,
      labels: serviceLabels(props.app, service),
      annotations,
    },
    spec: {
      ingressClassName: 'alb',
      rules: [{ http: { paths: ingressPaths(service) } }],
    },
  });
}

/**
 * ALB path patterns as Ingress paths: `/x/*` is the prefix `/x` (`/*` the prefix `/`), a pattern
 * without wildcards is exact, and any other pattern goes to the controller as written. A prefix
 * already matches its bare path, so `/x` beside `/x/*` is dropped.
 */
export function ingressPaths(service: ServiceModel): IHTTPIngressPath[] {
  const backend = { service: { name: service.name, port: { number: service.port } } };
  const prefixes = new Set(service.paths.filter(isPrefixPattern).map((pattern) => prefixOf(pattern)));
  const paths: IHTTPIngressPath[] = [];
  for (const pattern of service.paths) {
    if (isPrefixPattern(pattern)) {
      paths.push({ path: prefixOf(pattern), pathType: 'Prefix', backend });
    } else if (!/[*?]/.test(pattern)) {
      if (!prefixes.has(pattern)) paths.push({ path: pattern, pathType: 'Exact', backend });
    } else {
      paths.push({ path: pattern, pathType: 'ImplementationSpecific', backend });
    }
  }
  return paths;
}

function isPrefixPattern(pattern: string): boolean {
  return pattern.endsWith('/*') && !/[*?]/.test(pattern.slice(0, -2));
}

function prefixOf(pattern: string): string {
  return pattern.slice(0, -2) || '/';
}

/**
 * Rule order on the shared ALB, as the ECS listener priorities: services whose paths have a
 * longer literal prefix come first, ties keep the config's order; steps of 10 leave room.
 */
export function ingressOrder(env: EnvironmentModel, service: ServiceModel): number {
  const ranked = env.services
    .filter((s) => s.public)
    .map((s, order) => ({ s, order, specificity: Math.min(...s.paths.map(literalPrefixLength)) }))
    .sort((a, b) => b.specificity - a.specificity || a.order - b.order);
  return (ranked.findIndex((r) => r.s.name === service.name) + 1) * 10;
}

function literalPrefixLength(pattern: string): number {
  const wildcard = pattern.search(/[*?]/);
  return wildcard === -1 ? pattern.length : wildcard;
}

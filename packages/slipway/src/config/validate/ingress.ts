/**
 * An explicit `ingress: 'http-api'` must be one the environment can have: not on EKS, whose
 * load balancer the cluster's controller makes, and with nothing that only the load balancer
 * does (the `needsLoadBalancer` the model lists). Each conflict is reported at the field that
 * causes it, with both ways out.
 */
import type { LoadBalancerNeed } from '../../model/ingress.js';
import type { EnvironmentModel } from '../../model/types.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import { servicePath, type Validator } from './context.js';

export const validateIngress: Validator = ({ config, model }) =>
  model.environments.flatMap((env) => {
    if (config.environments[env.name]?.ingress !== 'http-api') return [];
    const ingressPath = joinPath('environments', env.name, 'ingress');
    if (env.runtime === 'eks') {
      return [
        issue(
          ingressPath,
          `${env.name} runs on EKS, where the AWS Load Balancer Controller makes the load balancer from the services' Ingresses and no HTTP API is offered`,
          `remove environments.${env.name}.ingress (or set it to 'load-balancer'), or run ${env.name} on ECS`,
        ),
      ];
    }
    return env.ingressChoice.needsLoadBalancer.map((need) => conflict(config, env, need, ingressPath));
  });

function conflict(
  config: SlipwayConfig,
  env: EnvironmentModel,
  need: LoadBalancerNeed,
  ingressPath: string,
): ConfigIssue {
  const keep = `set ${ingressPath} to 'load-balancer'`;
  const message = `${ingressPath} is 'http-api', but ${need.why}`;
  const service = need.service;
  if (service !== undefined) {
    const override = joinPath('environments', env.name, 'services', service);
    const path = servicePath(config, env.name, service, ...need.field.split('.'));
    switch (need.field) {
      case 'stickySessions':
        return issue(
          path,
          message,
          `${keep}, or turn ${service}'s sticky sessions off in ${env.name} (${override}.stickySessions: false)`,
        );
      case 'allowedCidrs':
        return issue(
          path,
          message,
          `${keep}, or let anyone reach ${service} in ${env.name} (${override}.allowedCidrs: [])`,
        );
      case 'scaling.requestsPerTarget':
        return issue(
          path,
          message,
          `${keep}, or scale ${service} on cpuPercent or memoryPercent in ${env.name} (${override}.scaling)`,
        );
      case 'paths':
        return issue(
          path,
          message,
          `${keep}, or write ${service}'s paths as prefixes ending in '/*' ('/orders/*') or exact paths`,
        );
      default:
        return issue(
          path,
          message,
          `${keep}, or roll ${service} out in ${env.name} with ${override}.deployment: { strategy: 'rolling' }`,
        );
    }
  }
  const field = joinPath('environments', env.name, need.field);
  return issue(
    field,
    message,
    need.field === 'region'
      ? `${keep}, or move ${env.name} to a region that offers HTTP APIs`
      : `${keep}, or remove ${field}`,
  );
}

import type { EnvironmentModel } from '../model/types.js';
import type { IngressPlan } from './types.js';

/** The environment's ingress as the plan reports it: 'none' when no service is public. */
export function ingressPlan(env: EnvironmentModel): IngressPlan {
  const { ingress, set, reason, needsLoadBalancer } = env.ingressChoice;
  return {
    kind: env.services.some((service) => service.public) ? ingress : 'none',
    set,
    reason,
    needsLoadBalancer,
  };
}

import { IngressClass } from 'kubernetes-models/networking.k8s.io/v1';
import { z } from 'zod';
import type { IIngressClassParams } from './auto-mode-ingress-class-params-types.js';
import { appLabels } from './labels.js';
import { LocalKind } from './local-kind.js';

/** The class the services' Ingresses name (ingress.ts), under both load balancer controllers. */
export const ALB_INGRESS_CLASS = 'alb';

/** The kind's schema, strict at every depth: what `validate()` checks, the schema pass's half. */
const INGRESS_CLASS_PARAMS_SCHEMA = z.strictObject({
  apiVersion: z.literal('eks.amazonaws.com/v1'),
  kind: z.literal('IngressClassParams'),
  metadata: z.strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
      .max(253),
    labels: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.strictObject({
    scheme: z.enum(['internet-facing', 'internal']).optional(),
    group: z.strictObject({ name: z.string().min(1).max(63) }).optional(),
  }),
});

/** An IngressClassParams with the shape of a `kubernetes-models` class, for both validation passes and the writer. */
export class IngressClassParams extends LocalKind<IIngressClassParams> {
  constructor(data: Omit<IIngressClassParams, 'apiVersion' | 'kind'>) {
    super(
      { apiVersion: 'eks.amazonaws.com/v1', kind: 'IngressClassParams', schema: INGRESS_CLASS_PARAMS_SCHEMA },
      data,
    );
  }
}

/**
 * Under EKS Auto Mode, the `alb` class the services' Ingresses name, handled by Auto Mode's own
 * load balancing (`eks.amazonaws.com/alb`): its IngressClassParams make the ALB internet-facing
 * and put every Ingress of the class in one group, the environment's one shared ALB, as on ECS.
 * Auto Mode ignores the group annotation the AWS Load Balancer Controller reads, hence the params.
 */
export function autoModeIngressClass(app: string, groupName: string): [IngressClassParams, IngressClass] {
  const metadata = { name: ALB_INGRESS_CLASS, labels: appLabels(app) };
  return [
    new IngressClassParams({ metadata, spec: { scheme: 'internet-facing', group: { name: groupName } } }),
    new IngressClass({
      metadata,
      spec: {
        controller: 'eks.amazonaws.com/alb',
        parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: ALB_INGRESS_CLASS },
      },
    }),
  ];
}

import { IngressClass } from 'kubernetes-models/networking.k8s.io/v1';
import { z } from 'zod';
import type { IIngressClassParams } from './auto-mode-ingress-class-params-types.js';
import { appLabels } from './labels.js';
import type { KubernetesManifest } from './manifest.js';

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

/** A validation failure as the schema pass reads one: a JSON pointer and a message per problem. */
class SchemaValidationError extends Error {
  constructor(readonly errors: readonly { readonly instancePath: string; readonly message: string }[]) {
    super(errors.map((e) => `${e.instancePath || '/'}: ${e.message}`).join('; '));
  }
}

/** An IngressClassParams with the shape of a `kubernetes-models` class, for both validation passes and the writer. */
export class IngressClassParams implements KubernetesManifest {
  readonly apiVersion = 'eks.amazonaws.com/v1';
  readonly kind = 'IngressClassParams';
  readonly metadata: IIngressClassParams['metadata'];
  readonly spec: IIngressClassParams['spec'];

  constructor(data: Omit<IIngressClassParams, 'apiVersion' | 'kind'>) {
    this.metadata = data.metadata;
    this.spec = data.spec;
  }

  validate(): void {
    const result = INGRESS_CLASS_PARAMS_SCHEMA.safeParse(this.toJSON());
    if (result.success) return;
    throw new SchemaValidationError(
      result.error.issues.map((issue) => ({
        instancePath: issue.path.map((p) => `/${String(p)}`).join(''),
        message: issue.message,
      })),
    );
  }

  toJSON(): IIngressClassParams {
    // A round trip drops undefined fields, as the YAML would.
    return JSON.parse(
      JSON.stringify({
        apiVersion: this.apiVersion,
        kind: this.kind,
        metadata: this.metadata,
        spec: this.spec,
      }),
    ) as IIngressClassParams;
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

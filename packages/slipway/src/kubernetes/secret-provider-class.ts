import { z } from 'zod';
import type { KubernetesManifest } from './manifest.js';
import type { ISecretProviderClass } from './secret-provider-class-types.js';

const labelMap = z.record(z.string(), z.string());

/** The kind's schema, strict at every depth: what `validate()` checks, the schema pass's half. */
export const SECRET_PROVIDER_CLASS_SCHEMA = z.strictObject({
  apiVersion: z.literal('secrets-store.csi.x-k8s.io/v1'),
  kind: z.literal('SecretProviderClass'),
  metadata: z.strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      .max(253),
    namespace: z.string().min(1),
    labels: labelMap.optional(),
    annotations: labelMap.optional(),
  }),
  spec: z.strictObject({
    provider: z.literal('aws'),
    parameters: z.strictObject({
      objects: z.string().min(1),
      region: z.string().optional(),
      usePodIdentity: z.enum(['true', 'false']).optional(),
      failoverRegion: z.string().optional(),
      pathTranslation: z.string().optional(),
      preferredAddressType: z.enum(['ipv4', 'ipv6', 'auto']).optional(),
    }),
  }),
});

/** A validation failure as the schema pass reads one: a JSON pointer and a message per problem. */
class SchemaValidationError extends Error {
  constructor(readonly errors: readonly { readonly instancePath: string; readonly message: string }[]) {
    super(errors.map((e) => `${e.instancePath || '/'}: ${e.message}`).join('; '));
  }
}

/**
 * A SecretProviderClass with the shape of a `kubernetes-models` class, so the builders, both
 * validation passes and the writer treat it as any other object.
 */
export class SecretProviderClass implements KubernetesManifest {
  static readonly apiVersion = 'secrets-store.csi.x-k8s.io/v1';
  readonly apiVersion = SecretProviderClass.apiVersion;
  readonly kind = 'SecretProviderClass';
  readonly metadata: ISecretProviderClass['metadata'];
  readonly spec: ISecretProviderClass['spec'];

  constructor(data: Omit<ISecretProviderClass, 'apiVersion' | 'kind'>) {
    this.metadata = data.metadata;
    this.spec = data.spec;
  }

  validate(): void {
    const result = SECRET_PROVIDER_CLASS_SCHEMA.safeParse(this.toJSON());
    if (result.success) return;
    throw new SchemaValidationError(
      result.error.issues.map((issue) => ({
        instancePath: issue.path.map((p) => `/${String(p)}`).join(''),
        message: issue.message,
      })),
    );
  }

  toJSON(): ISecretProviderClass {
    // A round trip drops undefined fields, as the YAML would.
    return JSON.parse(
      JSON.stringify({
        apiVersion: this.apiVersion,
        kind: this.kind,
        metadata: this.metadata,
        spec: this.spec,
      }),
    ) as ISecretProviderClass;
  }
}

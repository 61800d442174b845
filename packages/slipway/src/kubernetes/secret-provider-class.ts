import { z } from 'zod';
import { LocalKind } from './local-kind.js';
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

/**
 * A SecretProviderClass with the shape of a `kubernetes-models` class, so the builders, both
 * validation passes and the writer treat it as any other object.
 */
export class SecretProviderClass extends LocalKind<ISecretProviderClass> {
  static readonly apiVersion = 'secrets-store.csi.x-k8s.io/v1';

  constructor(data: Omit<ISecretProviderClass, 'apiVersion' | 'kind'>) {
    super(
      {
        apiVersion: SecretProviderClass.apiVersion,
        kind: 'SecretProviderClass',
        schema: SECRET_PROVIDER_CLASS_SCHEMA,
      },
      data,
    );
  }
}

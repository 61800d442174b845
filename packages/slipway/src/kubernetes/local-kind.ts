import type { z } from 'zod';
import type { KubernetesManifest } from './manifest.js';

/** What a locally typed kind's interface holds: fixed apiVersion and kind, then metadata and spec. */
interface LocalObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string };
  spec: unknown;
}

/** What sets a local kind apart: its API version, its kind and the schema `validate()` checks. */
export interface LocalKindDefinition<T extends LocalObject> {
  readonly apiVersion: T['apiVersion'];
  readonly kind: T['kind'];
  /** Strict at every depth, so an extra field fails here too: the schema pass's half. */
  readonly schema: z.ZodType;
}

/** A validation failure as the schema pass reads one: a JSON pointer and a message per problem. */
class SchemaValidationError extends Error {
  constructor(readonly errors: readonly { readonly instancePath: string; readonly message: string }[]) {
    super(errors.map((e) => `${e.instancePath || '/'}: ${e.message}`).join('; '));
  }
}

/**
 * A kind no `@kubernetes-models` package types, given the shape of one of its classes, so the
 * builders, both validation passes and the writer treat it as any other object.
 */
export abstract class LocalKind<T extends LocalObject> implements KubernetesManifest {
  readonly apiVersion: T['apiVersion'];
  readonly kind: T['kind'];
  readonly metadata: T['metadata'];
  readonly spec: T['spec'];
  // Private to the class, so it is no field of the object: neither the YAML nor a comparison sees it.
  readonly #schema: z.ZodType;

  protected constructor(definition: LocalKindDefinition<T>, data: Omit<T, 'apiVersion' | 'kind'>) {
    this.apiVersion = definition.apiVersion;
    this.kind = definition.kind;
    this.metadata = data.metadata;
    this.spec = data.spec;
    this.#schema = definition.schema;
  }

  validate(): void {
    const result = this.#schema.safeParse(this.toJSON());
    if (result.success) return;
    throw new SchemaValidationError(
      result.error.issues.map((issue) => ({
        instancePath: issue.path.map((p) => `/${String(p)}`).join(''),
        message: issue.message,
      })),
    );
  }

  toJSON(): T {
    // A round trip drops undefined fields, as the YAML would.
    return JSON.parse(
      JSON.stringify({
        apiVersion: this.apiVersion,
        kind: this.kind,
        metadata: this.metadata,
        spec: this.spec,
      }),
    ) as T;
  }
}

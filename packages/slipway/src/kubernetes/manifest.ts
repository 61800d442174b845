/**
 * What every Kubernetes object Slipway writes has in common: the typed classes of
 * `kubernetes-models` all fit this shape, so builders, validators and the writer share it.
 */
export interface KubernetesManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  /** Checks the object against its kind's JSON schema; throws on the first invalid field. */
  validate(): void;
  /** The object as plain data, with undefined fields left out: what the YAML holds. */
  toJSON(): unknown;
}

/** `Deployment megadolls-dev/web`: how findings and errors name an object. */
export function describeManifest(manifest: {
  readonly kind?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown };
}): string {
  const kind = typeof manifest.kind === 'string' ? manifest.kind : '(no kind)';
  const name = typeof manifest.metadata?.name === 'string' ? manifest.metadata.name : '(no name)';
  const namespace = manifest.metadata?.namespace;
  return typeof namespace === 'string' ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}

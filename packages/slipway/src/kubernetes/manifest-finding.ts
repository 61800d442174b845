/** One problem a validation pass found in a generated Kubernetes object. */
export interface ManifestFinding {
  /** `schema`: the kind's JSON schema (types, required fields); `fields`: fields the kind does not have. */
  readonly check: 'schema' | 'fields';
  /** The object, e.g. `Deployment megadolls-dev/web`. */
  readonly object: string;
  /** Dotted path of the field, e.g. `spec.replicas` or `spec.template.spec.containers[0].name`; empty for the object itself. */
  readonly field: string;
  readonly message: string;
}

/** `Deployment megadolls-dev/web: spec.replcas: …`, one line. */
export function renderFinding(finding: ManifestFinding): string {
  const where = finding.field ? `${finding.object}: ${finding.field}` : finding.object;
  return `${where}: ${finding.message} (${finding.check} check)`;
}

/** Joins path segments: `spec`, `containers`, 0 → `spec.containers[0]`. */
export function joinField(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

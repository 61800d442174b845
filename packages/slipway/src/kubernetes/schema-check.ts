import { describeManifest, type KubernetesManifest } from './manifest.js';
import { joinField, type ManifestFinding } from './manifest-finding.js';

/** A JSON-schema error as the validator reports it: where (a JSON pointer) and what. */
interface SchemaError {
  readonly instancePath?: string;
  readonly message?: string;
}

/**
 * First pass: each object against its kind's JSON schema through `kubernetes-models`' own
 * `validate()`. It catches wrong types and missing required fields; it does not catch fields the
 * kind lacks (the Kubernetes schemas allow extra properties), which the field check does.
 */
export function schemaCheck(manifests: readonly KubernetesManifest[]): ManifestFinding[] {
  return manifests.flatMap((manifest) => {
    try {
      manifest.validate();
      return [];
    } catch (error) {
      const object = describeManifest(manifest);
      const errors = schemaErrorsOf(error);
      if (errors.length === 0) {
        return [{ check: 'schema' as const, object, field: '', message: String(error) }];
      }
      return errors.map((e) => ({
        check: 'schema' as const,
        object,
        field: fieldOfPointer(e.instancePath ?? ''),
        message: e.message ?? 'does not match the schema',
      }));
    }
  });
}

function schemaErrorsOf(error: unknown): SchemaError[] {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as SchemaError[]) : [];
}

/** `/spec/template/spec/containers/0/name` → `spec.template.spec.containers[0].name`. */
function fieldOfPointer(pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return joinField(segments);
}

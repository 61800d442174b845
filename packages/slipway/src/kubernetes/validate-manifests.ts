import type { KubernetesManifest } from './manifest.js';
import type { ManifestFinding } from './manifest-finding.js';
import { fieldCheck } from './field-check.js';
import { schemaCheck } from './schema-check.js';

/**
 * Both passes over every object: the kind's JSON schema (types, required fields), then the kind's
 * TypeScript interface (fields it does not have). The field pass reads each object as the plain
 * data the YAML will hold, so it checks what is written, not the class instance.
 */
export function validateManifests(manifests: readonly KubernetesManifest[]): ManifestFinding[] {
  return [...schemaCheck(manifests), ...fieldCheck(manifests.map((m) => m.toJSON()))];
}

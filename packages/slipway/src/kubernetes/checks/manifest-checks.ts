import type { Finding } from '../../checks/finding.js';
import { describeManifest } from '../manifest.js';
import type { KubernetesManifest } from '../manifest.js';
import { hostNamespaces } from './host-namespaces.js';
import { pinnedImageTag } from './image-tag.js';
import type { ManifestDocument, ManifestRule } from './manifest-rule.js';
import { privilegedContainer } from './privileged-container.js';
import { resourceLimits } from './resource-limits.js';

/** Slipway's checks on Kubernetes objects, in the order their findings are reported. */
export const MANIFEST_RULES: readonly ManifestRule[] = [
  privilegedContainer,
  hostNamespaces,
  resourceLimits,
  pinnedImageTag,
];

/**
 * Every rule over every document, as findings: `stack` names the file the object is written to
 * (where a reader goes to look), `resource` the object (`Deployment megadolls/web`).
 */
export function checkManifests(documents: readonly ManifestDocument[], file: string): Finding[] {
  return documents.flatMap((document) =>
    MANIFEST_RULES.flatMap((rule): Finding[] => {
      const result = rule.check(document);
      if (result === 'compliant' || result === 'not-applicable') return [];
      const detail = result === 'non-compliant' ? '' : ` (${result.detail})`;
      return [
        {
          rule: rule.id,
          level: rule.level,
          stack: file,
          resource: describeManifest(document as Parameters<typeof describeManifest>[0]),
          message: `${rule.description}${detail}`,
          acknowledged: false,
        },
      ];
    }),
  );
}

/** The checks over the files of a GitOps folder, each object as the YAML holds it. */
export function checkGitopsFiles(
  files: readonly { readonly path: string; readonly manifests: readonly KubernetesManifest[] }[],
): Finding[] {
  return files.flatMap((file) =>
    checkManifests(
      file.manifests.map((m) => m.toJSON() as ManifestDocument),
      file.path,
    ),
  );
}

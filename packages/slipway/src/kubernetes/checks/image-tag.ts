import { violation } from '../../checks/rules/types.js';
import type { ManifestRule } from './manifest-rule.js';
import { containersOf, podSpecOf } from './pod-spec.js';

export const pinnedImageTag: ManifestRule = {
  id: 'Slipway-K8S4',
  level: 'warning',
  description:
    "Images name a tag other than 'latest', or a digest: a moving tag changes what runs without a commit.",
  check(document) {
    const pod = podSpecOf(document);
    if (!pod) return 'not-applicable';
    const floating = containersOf(pod).flatMap(({ name, container }) => {
      const image = typeof container.image === 'string' ? container.image : '';
      const reason = floatingReason(image);
      return reason ? [`${name} (${image || 'no image'}: ${reason})`] : [];
    });
    return floating.length === 0 ? 'compliant' : violation(floating.join(', '));
  },
};

/** Why an image reference floats, or undefined when it is pinned by a tag or a digest. */
export function floatingReason(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  // A colon after the last slash starts the tag; one before it belongs to a registry's port.
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon === -1) return 'no tag, so latest';
  return image.slice(colon + 1) === 'latest' ? "tag 'latest'" : undefined;
}

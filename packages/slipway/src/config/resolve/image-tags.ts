/**
 * A tag is pinned when it names one build for good: a commit SHA, bare or as `sha-<commit>` (what
 * the generated build workflows push), or a release version. Every other tag (`latest`,
 * `dev-latest`, `staging`) is moved from image to image by promotion, so ECR must let it be
 * overwritten and never expire it.
 */
export function isPinnedTag(tag: string): boolean {
  return /^(?:sha-)?[0-9a-f]{7,40}$/.test(tag) || /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(tag);
}

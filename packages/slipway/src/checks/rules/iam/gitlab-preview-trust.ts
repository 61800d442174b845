import { isRecord } from '../support/values.js';

/**
 * The one wildcard Slipway-IAM5 admits (decision 023): on a role tagged as a preview role, a
 * `StringLike` sub of `project_path:<group>/<project>:ref_type:branch:ref:<prefix>*` where
 * `<prefix>*` is exactly one of the declared `delivery.previewBranches`. The `*` comes last, after
 * the project and the ref type, so it can only stand for the rest of a branch name with that prefix.
 */
const PREVIEW_SUBJECT =
  /^project_path:([A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+):ref_type:branch:ref:([A-Za-z0-9._/-]+\*)$/;

/** Why a `StringLike` sub value is not the admitted form, or undefined when it is. */
export function previewSubjectProblem(subject: unknown, patterns: readonly string[]): string | undefined {
  const match = typeof subject === 'string' ? PREVIEW_SUBJECT.exec(subject) : null;
  if (match === null) {
    return `StringLike sub ${JSON.stringify(subject)} is not project_path:<group>/<project>:ref_type:branch:ref:<prefix>* with a single '*' at the end`;
  }
  if (!patterns.includes(match[2] ?? '')) {
    return `StringLike sub "${String(subject)}" trusts '${match[2]}', which is not a declared delivery.previewBranches pattern (${patterns.join(', ') || 'none'})`;
  }
  return undefined;
}

/** Whether the role carries the preview-role tag the CI stack puts on its GitLab preview roles. */
export function isTaggedPreviewRole(properties: unknown, tag: { key: string; value: string }): boolean {
  const tags = isRecord(properties) ? properties.Tags : undefined;
  return Array.isArray(tags) && tags.some((t) => isRecord(t) && t.Key === tag.key && t.Value === tag.value);
}

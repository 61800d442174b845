/**
 * The `rules: if:` expressions of GitLab's preview jobs, written and read in one place, so the
 * generator and Slipway-GLCI9 agree on exactly which pipelines may run them (decision 023).
 */

/**
 * A branch pipeline of a branch matching `<prefix>*` that has an open merge request: only then
 * do preview jobs run, so a pushed branch without a merge request makes no preview.
 * `CI_OPEN_MERGE_REQUESTS` is set in branch pipelines when the branch is a merge request's source.
 */
export function previewBranchCondition(pattern: string): string {
  const prefix = pattern.replace(/\*$/, '').replace(/[./]/g, (c) => `\\${c}`);
  return `$CI_COMMIT_BRANCH =~ /^${prefix}/ && $CI_OPEN_MERGE_REQUESTS`;
}

const PREVIEW_BRANCH =
  /^\$CI_COMMIT_BRANCH =~ \/\^((?:[A-Za-z0-9_-]|\\\.|\\\/)+)\/ && \$CI_OPEN_MERGE_REQUESTS$/;

/** `previewBranchCondition(p)` → `p`; anything else → undefined. */
export function previewPatternOf(condition: string | undefined): string | undefined {
  const match = PREVIEW_BRANCH.exec(condition ?? '');
  return match?.[1] === undefined ? undefined : `${match[1].replace(/\\(.)/g, '$1')}*`;
}

/** The nightly cleanup: a pipeline schedule (made by hand on GitLab) on the main branch. */
export function scheduledOn(branch: string): string {
  return `$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_BRANCH == "${branch}"`;
}

const SCHEDULED = /^\$CI_PIPELINE_SOURCE == "schedule" && \$CI_COMMIT_BRANCH == "([^"*?]+)"$/;

/** `scheduledOn(b)` → `b`; anything else → undefined. */
export function scheduledBranchOf(condition: string | undefined): string | undefined {
  return SCHEDULED.exec(condition ?? '')?.[1];
}

/** Any scheduled pipeline: the jobs that build and deploy the main branch skip it. */
export const SCHEDULED_PIPELINE = '$CI_PIPELINE_SOURCE == "schedule"';

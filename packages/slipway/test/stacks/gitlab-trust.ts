import type { CfnResource } from '../../src/template/types.js';
import { jobsOfPipeline } from '../../src/workflows/gitlab/pipeline-types.js';
import { previewPatternOf, scheduledBranchOf } from '../../src/workflows/gitlab/preview-conditions.js';
import { branchOfRule, startingRules } from '../../src/workflows/gitlab/rules/support.js';

/** Subjects as a trust policy or a job sees them: exact ones, and `StringLike` prefixes ending in `*`. */
export interface Subjects {
  readonly exact: Set<string>;
  readonly like: Set<string>;
}

interface Statement {
  readonly Condition: Record<string, Record<string, string | string[]>>;
}

/** What one role's trust admits, over all its statements, for the instance `host`. */
export function trustedSubjects(role: CfnResource, host = 'gitlab.com'): Subjects {
  const key = `${host}:sub`;
  const statements = (role.Properties?.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
  return {
    exact: new Set(statements.flatMap((s) => [s.Condition.StringEquals?.[key] ?? []].flat())),
    like: new Set(statements.flatMap((s) => [s.Condition.StringLike?.[key] ?? []].flat())),
  };
}

/**
 * Per role name, the subjects the generated jobs that assume it present: an exact branch for
 * `$CI_COMMIT_BRANCH == "<b>"` (and the main branch's schedule), `<prefix>*` for a preview rule.
 */
export function presentedSubjects(
  document: Readonly<Record<string, unknown>>,
  project: string,
): Map<string, Subjects> {
  const subject = (ref: string) => `project_path:${project}:ref_type:branch:ref:${ref}`;
  const presented = new Map<string, Subjects>();
  for (const [name, job] of jobsOfPipeline(document)) {
    const arn = job.variables?.AWS_ROLE_ARN;
    if (arn === undefined) continue;
    const role = arn.split('/').at(-1)!;
    const subjects = presented.get(role) ?? { exact: new Set(), like: new Set() };
    for (const rule of startingRules(job)) {
      const branch = branchOfRule(rule.if) ?? scheduledBranchOf(rule.if);
      const pattern = previewPatternOf(rule.if);
      if (branch !== undefined) subjects.exact.add(subject(branch));
      else if (pattern !== undefined) subjects.like.add(subject(pattern));
      else throw new Error(`${name}: rule ${rule.if} names no branch or preview pattern`);
    }
    presented.set(role, subjects);
  }
  return presented;
}

/** Whether a trust admits a concrete subject, reading `*` as IAM's StringLike does at the end of a pattern. */
export function admits(trust: Subjects, concrete: string): boolean {
  return (
    trust.exact.has(concrete) ||
    [...trust.like].some((pattern) => pattern.endsWith('*') && concrete.startsWith(pattern.slice(0, -1)))
  );
}

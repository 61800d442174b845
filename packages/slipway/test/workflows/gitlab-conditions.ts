import type { GitlabJob, GitlabRule } from '../../src/workflows/gitlab/pipeline-types.js';

/** The predefined variables a pipeline sees, for the part of GitLab's `rules: if:` Slipway writes. */
export type PipelineVariables = Readonly<Record<string, string | undefined>>;

/**
 * Evaluates an `if:` the way GitLab does for the forms Slipway generates: clauses joined by `&&`,
 * each `$VAR` (set and non-empty), `$VAR == "text"`, `$VAR != "text"` or `$VAR =~ /regex/`.
 * Anything else throws, so a new form cannot silently evaluate to false.
 */
export function holds(condition: string, vars: PipelineVariables): boolean {
  return condition.split(' && ').every((clause) => {
    const compare = /^\$(\w+) (==|!=) "([^"]*)"$/.exec(clause);
    if (compare) return (vars[compare[1]!] === compare[3]) === (compare[2] === '==');
    const regex = /^\$(\w+) =~ \/(.*)\/$/.exec(clause);
    if (regex) {
      const value = vars[regex[1]!];
      return value !== undefined && new RegExp(regex[2]!).test(value);
    }
    const bare = /^\$(\w+)$/.exec(clause);
    if (bare) return (vars[bare[1]!] ?? '') !== '';
    throw new Error(`condition clause not understood: ${clause}`);
  });
}

/** The first matching rule decides, as in GitLab; no rules at all means the job always runs. */
export function whenOf(rules: readonly GitlabRule[] | undefined, vars: PipelineVariables): string {
  if (rules === undefined) return 'on_success';
  for (const rule of rules) {
    if (rule.if === undefined || holds(rule.if, vars)) {
      if (rule.changes !== undefined) return 'on_success (if changed)';
      return rule.when ?? 'on_success';
    }
  }
  return 'never';
}

/** Which jobs a pipeline with these variables gets, each with how it starts; none when the workflow rules refuse it. */
export function jobsRun(
  document: Record<string, unknown>,
  jobs: readonly [string, GitlabJob][],
  vars: PipelineVariables,
): Record<string, string> {
  const workflow = (document.workflow as { rules: GitlabRule[] }).rules;
  if (whenOf(workflow, vars) === 'never') return {};
  const run: Record<string, string> = {};
  for (const [name, job] of jobs) {
    const when = whenOf(job.rules, vars);
    if (when !== 'never') run[name] = when;
  }
  return run;
}

import type { WorkflowProblem } from '../../rules/types.js';
import { jobsOfPipeline } from '../pipeline-types.js';
import { previewPatternOf, scheduledBranchOf } from '../preview-conditions.js';
import { assumesPreviewRole, scriptOf, startingRules } from './support.js';
import type { GitlabRule } from './types.js';

const PREVIEW_COMMAND = /\bslipway\s+preview\s+(up|down|prune)\b/;

/**
 * GitLab previews (decision 023): the preview roles trust every branch of the preview patterns,
 * so what runs with them is held here. A preview job (one that assumes a preview role, runs
 * `slipway preview`, or deploys to a `preview/` environment) runs only in branch pipelines of a
 * declared preview pattern with an open merge request, or (the prune alone) in the main branch's
 * scheduled pipeline, and assumes no role but the preview roles.
 */
export const previewJobsOnPreviewBranches: GitlabRule = {
  id: 'Slipway-GLCI9',
  description:
    'Preview jobs run only in pipelines of a delivery.previewBranches branch with an open merge request (the prune only in the main branch schedule) and assume only the preview roles.',
  check(file, context) {
    const preview = context.gitlabPreview;
    const roles = preview?.roles ?? [];
    const problems: WorkflowProblem[] = [];
    for (const [id, job] of jobsOfPipeline(file.document)) {
      const commands = scriptOf(job)
        .map((line) => PREVIEW_COMMAND.exec(line)?.[1])
        .filter((c) => c !== undefined);
      const isPreview =
        assumesPreviewRole(job, roles) ||
        commands.length > 0 ||
        (job.environment?.name ?? '').startsWith('preview/');
      if (!isPreview) continue;
      const role = job.variables?.AWS_ROLE_ARN;
      if (role !== undefined && !roles.includes(role)) {
        problems.push({
          job: id,
          message: `the preview job assumes ${role}, which is not a preview role`,
          fix: 'assume the preview push or preview deploy role, whose reach is limited to previews',
        });
      }
      const pruneOnly = commands.length > 0 && commands.every((c) => c === 'prune');
      const rules = startingRules(job);
      if (rules.length === 0) {
        problems.push({
          job: id,
          message: 'the preview job has no rules, so it runs in every pipeline',
          fix: 'give it one rule per preview pattern: if: $CI_COMMIT_BRANCH =~ /^<prefix>/ && $CI_OPEN_MERGE_REQUESTS',
        });
      }
      for (const rule of rules) {
        const pattern = previewPatternOf(rule.if);
        const scheduled = scheduledBranchOf(rule.if);
        if (pattern !== undefined && (preview?.branches ?? []).includes(pattern)) continue;
        if (scheduled !== undefined && pruneOnly && scheduled === preview?.mainBranch) continue;
        problems.push({
          job: id,
          message: `the preview job may run where "${rule.if ?? '(no condition)'}" holds, outside the preview branches with an open merge request`,
          fix: pruneOnly
            ? `run the prune only in the main branch schedule: if: $CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_BRANCH == "${preview?.mainBranch ?? '<main>'}"`
            : 'use if: $CI_COMMIT_BRANCH =~ /^<prefix>/ && $CI_OPEN_MERGE_REQUESTS for a declared delivery.previewBranches pattern',
        });
      }
    }
    return problems;
  },
};

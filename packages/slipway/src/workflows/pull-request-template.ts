import type { WorkflowContext } from './context.js';
import { gitopsFolder } from './manifests-job.js';

/**
 * `.github/pull_request_template.md` (seed 000): what a reviewer needs to approve a change that
 * may reach production, with the plan's job summary as the evidence.
 */
export function pullRequestTemplate(ctx: WorkflowContext): string {
  const production = ctx.model.environments.filter((e) => e.production).map((e) => `\`${e.name}\``);
  const gitops = ctx.model.environments
    .filter((e) => e.runtime === 'eks')
    .map((e) => `\`${gitopsFolder(e)}/\``);
  const lines = [
    '## What changes',
    '',
    '<!-- One or two sentences: what this pull request does and why. Link the issue. -->',
    '',
    '## How it was tested',
    '',
    '<!-- Tests added or run, and anything checked by hand. -->',
    '',
    '## Checklist',
    '',
    '- [ ] Tests cover the change, and lint and tests pass.',
    '- [ ] The **Plan** job summary shows no unacknowledged error findings, and every new acknowledgement has a reason.',
    '- [ ] The monthly cost in the **Plan** summary is expected for every environment.',
    '- [ ] No stateful resource (database, secret, repository, log bucket) is replaced or removed.',
    '- [ ] Database migrations work with the version currently running (old and new tasks run side by side during a deploy).',
    '- [ ] No secret, key or password is added to the code or to plain environment variables.',
    // Argo CD applies the folders from the main branch, so merging is the rollout of these changes.
    ...(gitops.length > 0
      ? [`- [ ] The changes under ${gitops.join(', ')} are expected: Argo CD applies them when this merges.`]
      : []),
    `- [ ] Ready to ship: releases go out with a \`v*\` tag${production.length > 0 ? `, and reach ${production.join(', ')} only after approval` : ''}.`,
    '',
  ];
  return lines.join('\n');
}

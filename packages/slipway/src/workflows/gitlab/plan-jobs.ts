import type { WorkflowContext } from '../context.js';
import * as commands from '../slipway-commands.js';
import type { GitlabJob } from './pipeline-types.js';

/** The CI/CD variable holding a token that may write merge request notes; without it no note is posted. */
export const NOTE_TOKEN_VARIABLE = 'SLIPWAY_GITLAB_TOKEN';

/** The first line of Slipway's note: how the note job finds the note to update. */
export const PLAN_NOTE_MARKER = '<!-- slipway-plan -->';

const MERGE_REQUEST = '$CI_PIPELINE_SOURCE == "merge_request_event"';

/**
 * The offline plan, with no AWS access. In a merge request pipeline the base commit is planned
 * first, from a worktree inside the project so its config's `import 'slipway'` resolves, and the
 * summary compares with it; the summary (`plan.md`) and the HTML report are linked from the merge
 * request. The base goes first because a plan with open errors ends the script.
 */
export function planJob(ctx: WorkflowContext, rules: Pick<GitlabJob, 'rules'>): GitlabJob {
  return {
    stage: 'test',
    ...rules,
    // The whole history, so the merge request's base commit is there to check out.
    variables: { GIT_DEPTH: '0' },
    script: [
      ctx.delivery.commands.install,
      [
        'if [ -n "$CI_MERGE_REQUEST_DIFF_BASE_SHA" ]; then',
        '  command -v git > /dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates > /dev/null; }',
        '  export BASE_SHA="$CI_MERGE_REQUEST_DIFF_BASE_SHA"',
        ...commands
          .planBase(ctx.configPath, '.slipway/base-out', 'base-plan.json')
          .split('\n')
          .map((line) => `  ${line}`),
        'fi',
      ].join('\n'),
      commands.planJson(ctx.configPath, '.slipway/out', 'plan.json', 'report.html'),
    ],
    // Also when the plan failed: the findings are what the author needs to see, linked from the merge request.
    after_script: [commands.planSummary('plan.json', 'base-plan.json', 'plan.md')],
    artifacts: {
      paths: ['plan.md', 'report.html'],
      expose_as: 'Slipway plan',
      when: 'always',
      expire_in: '30 days',
    },
  };
}

/**
 * Posts `plan.md` as one merge request note, edited on every pipeline instead of adding another,
 * through the API with the token in `SLIPWAY_GITLAB_TOKEN` (the job token cannot write notes).
 * Without that variable the job is left out of the pipeline. It fetches no code and runs only
 * Node's own `fetch`, so nothing from the merge request runs beside the token in this job.
 */
export function planNoteJob(): GitlabJob {
  return {
    stage: 'test',
    needs: ['plan'],
    rules: [{ if: `${MERGE_REQUEST} && $${NOTE_TOKEN_VARIABLE}`, when: 'always' }],
    variables: { GIT_STRATEGY: 'none' },
    script: [`node <<'JS'\n${NOTE_SCRIPT}\nJS`],
  };
}

/** Finds the note that starts with the marker among the newest 100 and edits it, or adds one. */
const NOTE_SCRIPT = [
  "const fs = require('node:fs');",
  `const marker = '${PLAN_NOTE_MARKER}';`,
  "if (!fs.existsSync('plan.md')) { console.log('No plan.md: the plan job wrote no summary.'); process.exit(0); }",
  // GitLab refuses a note over 1,000,000 characters.
  "let body = `${marker}\\n${fs.readFileSync('plan.md', 'utf8')}`;",
  "if (body.length > 999000) body = `${body.slice(0, 999000)}\\n\\n…cut to fit a note: plan.md in the job's artifacts has it all.`;",
  'const env = process.env;',
  'const notes = `${env.CI_API_V4_URL}/projects/${env.CI_PROJECT_ID}/merge_requests/${env.CI_MERGE_REQUEST_IID}/notes`;',
  `const headers = { 'PRIVATE-TOKEN': env.${NOTE_TOKEN_VARIABLE}, 'Content-Type': 'application/json' };`,
  '(async () => {',
  '  const listed = await fetch(`${notes}?per_page=100&sort=desc&order_by=created_at`, { headers });',
  '  if (!listed.ok) throw new Error(`listing notes: GitLab answered ${listed.status} ${await listed.text()}`);',
  '  const mine = (await listed.json()).find((note) => note.body.startsWith(marker));',
  '  const url = mine === undefined ? notes : `${notes}/${mine.id}`;',
  "  const sent = await fetch(url, { method: mine === undefined ? 'POST' : 'PUT', headers, body: JSON.stringify({ body }) });",
  '  if (!sent.ok) throw new Error(`writing the note: GitLab answered ${sent.status} ${await sent.text()}`);',
  '})().catch((error) => { console.error(error.message); process.exit(1); });',
].join('\n');

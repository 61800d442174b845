import type { WorkflowContext } from './context.js';
import { expr } from './expression.js';
import type { Job } from './workflow-types.js';

/** The first line of Slipway's comment: how the job finds the comment to update. */
export const PLAN_COMMENT_MARKER = '<!-- slipway-plan -->';

/** GitHub refuses a comment over 65,536 characters; room is left for the note that says it was cut. */
const COMMENT_LIMIT = 64_000;

/**
 * Posts the plan job's summary as one comment on the pull request, updated on every push instead
 * of adding another. It checks out nothing and runs no code from the pull request, so it alone may
 * hold `pull-requests: write` (SECURITY.md 16). A pull request from a fork gets a read-only token
 * that cannot comment, so there the job is skipped and the job summary is the report.
 */
export function planCommentJob(ctx: WorkflowContext): Job {
  return {
    name: 'Plan comment',
    needs: 'plan',
    if: expr(
      "!cancelled() && needs.plan.outputs.summary != '' && github.event.pull_request.head.repo.full_name == github.repository",
    ),
    'runs-on': ctx.runner,
    'timeout-minutes': 5,
    permissions: { 'pull-requests': 'write' },
    steps: [
      {
        name: 'Post or update the plan comment',
        env: {
          GH_TOKEN: expr('github.token'),
          PR_NUMBER: expr('github.event.pull_request.number'),
          SUMMARY: expr('needs.plan.outputs.summary'),
          RUN_URL: `${expr('github.server_url')}/${expr('github.repository')}/actions/runs/${expr('github.run_id')}`,
        },
        run: commentScript(),
      },
    ],
  };
}

/** Writes the body, cut to GitHub's limit, then edits the bot's marked comment or adds one (`gh api`). */
function commentScript(): string {
  return [
    'body="$RUNNER_TEMP/comment.md"',
    `{ echo '${PLAN_COMMENT_MARKER}'; printf '%s\\n' "$SUMMARY"; } > "$body"`,
    `if [ "$(wc -c < "$body")" -gt ${COMMENT_LIMIT} ]; then`,
    `  head -c ${COMMENT_LIMIT} "$body" > "$body.cut"`,
    '  printf \'\\n\\n…cut to fit a comment: the whole summary is on the run, %s\\n\' "$RUN_URL" >> "$body.cut"',
    '  mv "$body.cut" "$body"',
    'fi',
    `id="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" --jq '.[] | select(.user.login == "github-actions[bot]" and (.body | startswith("${PLAN_COMMENT_MARKER}"))) | .id' | head -n 1)"`,
    'if [ -n "$id" ]; then',
    '  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$body" > /dev/null',
    'else',
    '  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" -F "body=@$body" > /dev/null',
    'fi',
  ].join('\n');
}

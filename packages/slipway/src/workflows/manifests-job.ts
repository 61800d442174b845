import path from 'node:path';
import { DEFAULT_GITOPS_PATH } from '../kubernetes/environment-manifests.js';
import { githubOf } from '../model/ci-host.js';
import type { EnvironmentModel } from '../model/types.js';
import type { WorkflowContext } from './context.js';
import { expr } from './expression.js';
import * as commands from './slipway-commands.js';
import { checkout, imageTagsStep, setupNodeAndInstall } from './steps.js';
import type { Job, Step } from './workflow-types.js';

/** The author of the commits the job makes: the workflow's own token, shown as GitHub Actions. */
const BOT =
  "-c user.name='github-actions[bot]' -c user.email='41898282+github-actions[bot]@users.noreply.github.com'";

/** `<gitopsPath>/<env>`: the folder Argo CD syncs for one EKS environment. */
export function gitopsFolder(env: EnvironmentModel): string {
  return path.posix.join(env.eks?.gitopsPath ?? DEFAULT_GITOPS_PATH, env.name);
}

/**
 * An EKS environment's apps roll out by commit, not by a deploy (decision 015): Argo CD syncs the
 * environment's GitOps folder from the main branch, so this job checks out that branch, writes the
 * folder at the image tags of the release that started the run, and commits it. Elsewhere than
 * production the commit goes straight to the main branch; in production it becomes a pull request
 * that a person merges. The job holds no AWS role: it only writes to the repository, and it is the
 * one job that may (Slipway-GHA11).
 */
export function manifestsJob(ctx: WorkflowContext, env: EnvironmentModel, needs: string | undefined): Job {
  const branch = githubOf(ctx.model).mainBranch;
  const folder = gitopsFolder(env);
  return {
    name: env.production ? `${env.name} · apps (pull request)` : `${env.name} · apps (push to ${branch})`,
    ...(needs === undefined ? {} : { needs }),
    'runs-on': ctx.runner,
    'timeout-minutes': 30,
    // Two releases never commit the same folder at once; a queued one waits, never cancels.
    concurrency: { group: `manifests-${ctx.model.app}-${env.name}`, 'cancel-in-progress': false },
    permissions: env.production ? { contents: 'write', 'pull-requests': 'write' } : { contents: 'write' },
    env: { ENVIRONMENT: env.name, FOLDER: folder, MAIN_BRANCH: branch, RELEASE_TAG: expr('github.ref_name') },
    steps: [
      // The main branch, where Argo CD reads the folder; the full history also holds the release.
      checkout({ fullHistory: true, ref: branch }),
      ...setupNodeAndInstall(ctx),
      imageTagsStep(ctx.delivery.builds, { ofRelease: true }),
      {
        name: `Write ${folder} at the release's image tags`,
        env: { IMAGE_TAGS: expr('steps.tags.outputs.args') },
        run: commands.writeManifests(ctx.configPath, env.name),
      },
      env.production ? pullRequestStep() : pushStep(),
    ],
  };
}

/** Stages the folder and commits it; stops the step when the folder already held these images. */
const COMMIT = [
  'git add --all -- "$FOLDER"',
  'if git diff --cached --quiet; then',
  '  echo "$FOLDER already holds these images: nothing to commit"',
  '  exit 0',
  'fi',
  `git -c core.hooksPath=/dev/null ${BOT} commit --quiet -m "Roll $ENVIRONMENT out at $RELEASE_TAG"`,
];

/**
 * `authed <git arguments>`: the checkout kept no token (Slipway-GHA6), so git gets it for each
 * network command, as checkout itself passes it; hooks are off so nothing an earlier step wrote
 * into `.git/hooks` sees it.
 */
const AUTHED = [
  `auth="$(printf 'x-access-token:%s' "$GITHUB_TOKEN" | base64 -w0)"`,
  'echo "::add-mask::$auth"',
  'authed() { git -c core.hooksPath=/dev/null -c "http.$GITHUB_SERVER_URL/.extraheader=AUTHORIZATION: basic $auth" "$@"; }',
];

function pushStep(): Step {
  return {
    name: 'Commit and push to the main branch; Argo CD syncs it',
    env: { GITHUB_TOKEN: expr('github.token') },
    run: [
      '# A push made with the workflow token starts no workflow run (GitHub holds back runs the',
      '# token would trigger), so this commit does not start a build or deploy again: no loop.',
      ...COMMIT,
      ...AUTHED,
      '# The branch may have moved since the checkout: put the one commit on top of it and retry.',
      'for attempt in 1 2 3; do',
      '  if authed push origin "HEAD:refs/heads/$MAIN_BRANCH"; then exit 0; fi',
      '  echo "$MAIN_BRANCH moved (attempt $attempt): rebasing onto it"',
      '  authed fetch --quiet origin "$MAIN_BRANCH"',
      `  git -c core.hooksPath=/dev/null ${BOT} rebase FETCH_HEAD`,
      'done',
      'echo "::error::could not push to $MAIN_BRANCH: re-run this job"',
      'exit 1',
    ].join('\n'),
  };
}

/**
 * Production takes a person's merge: the commit goes to its own branch (one per environment and
 * release, so a re-run updates it) and `gh`, which GitHub's runners carry, opens the pull request.
 */
function pullRequestStep(): Step {
  return {
    name: 'Open a pull request; Argo CD syncs it once merged',
    env: { GITHUB_TOKEN: expr('github.token'), GH_TOKEN: expr('github.token') },
    run: [
      'branch="slipway/rollout-$ENVIRONMENT-$RELEASE_TAG"',
      ...COMMIT,
      ...AUTHED,
      'authed push --force origin "HEAD:refs/heads/$branch"',
      'open="$(gh pr list --repo "$GITHUB_REPOSITORY" --head "$branch" --state open --json url --jq \'.[].url\')"',
      'if [ -n "$open" ]; then',
      '  echo "Updated the open pull request $open"',
      '  exit 0',
      'fi',
      '# Pull requests opened with the workflow token start no checks: close and reopen one to run them.',
      "body=\"$(printf '%s\\n\\n%s' \\",
      '  "Merging this rolls $ENVIRONMENT out at the images of $RELEASE_TAG: Argo CD syncs $FOLDER from $MAIN_BRANCH." \\',
      '  "Written by slipway manifests in the Deploy workflow. Its checks do not start on their own: close and reopen this pull request to run them.")"',
      'gh pr create --repo "$GITHUB_REPOSITORY" --base "$MAIN_BRANCH" --head "$branch" \\',
      '  --title "Roll $ENVIRONMENT out at $RELEASE_TAG" --body "$body"',
    ].join('\n'),
  };
}

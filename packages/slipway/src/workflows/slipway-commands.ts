/**
 * The Slipway command lines the generated workflows run, in one place, so a renamed flag is
 * changed once. Values that vary at run time (branch, tag, service) come from environment
 * variables set on the step, never from `${{ }}` inside the script (SECURITY.md 17).
 */

/** `npx slipway` with the config; the rest of the words follow. */
function slipway(configPath: string, ...words: string[]): string {
  return ['npx', 'slipway', ...words, '--config', configPath].join(' ');
}

/**
 * Offline plan as JSON (no AWS credentials); exits 1 on unacknowledged error findings. With
 * `htmlFile`, also the plan's self-contained HTML report.
 */
export function planJson(configPath: string, outdir: string, jsonFile: string, htmlFile?: string): string {
  const html = htmlFile === undefined ? [] : ['--html', htmlFile];
  return `${slipway(configPath, 'plan', '--json', '--out', outdir, ...html)} > ${jsonFile}`;
}

/** Where the base commit is checked out: inside the workspace, so its config's `import 'slipway'` resolves. */
export const BASE_WORKTREE = '.slipway/base';

/**
 * Plans the pull request's base commit (`$BASE_SHA`) for the summary to compare with, with the
 * workspace's Slipway. Never fails the job: a base without the config (the pull request adds it)
 * or one that no longer plans leaves no plan, and the summary says so.
 */
export function planBase(configPath: string, outdir: string, jsonFile: string): string {
  const config = `${BASE_WORKTREE}/${configPath}`;
  return [
    `if git worktree add --detach ${BASE_WORKTREE} "$BASE_SHA" && [ -f ${config} ]; then`,
    `  ${planJson(config, outdir, jsonFile)} || echo "The base commit's plan failed; the summary shows this plan alone."`,
    'else',
    `  echo "The base commit could not be checked out or has no ${configPath}; the summary shows this plan alone."`,
    'fi',
  ].join('\n');
}

/** Renders a plan JSON, against the base's when there is one, as markdown into `markdownFile`. */
export function planSummary(jsonFile: string, baseJsonFile: string, markdownFile: string): string {
  return `npx slipway workflows summary ${jsonFile} --base ${baseJsonFile} > ${markdownFile}`;
}

/**
 * `slipway deploy` and `diff` against AWS. `--yes` confirms production: the approval is the GitHub
 * environment's reviewers, and a job has no terminal to answer on.
 */
function onAws(configPath: string, verb: 'diff' | 'deploy', env: string, ...rest: string[]): string {
  return slipway(
    configPath,
    verb,
    '--env',
    env,
    '--target',
    'aws',
    ...(verb === 'deploy' ? ['--yes'] : []),
    ...rest,
  );
}

/** What deploying one environment's layer stacks (network, data, runtime) would change. */
export function diffInfrastructure(configPath: string, env: string): string {
  return onAws(configPath, 'diff', env, '--only', 'infrastructure');
}

/** Deploys one environment's layer stacks. */
export function deployInfrastructure(configPath: string, env: string): string {
  return onAws(configPath, 'deploy', env, '--only', 'infrastructure');
}

/** Deploys every stack of one environment at the config's tags (CodePipeline rolls the services out). */
export function deployEnvironment(configPath: string, env: string): string {
  return onAws(configPath, 'deploy', env);
}

/** What deploying the service stacks at `$IMAGE_TAGS` (`--image-tag <service>=<tag>` …) would change. */
export function diffServices(configPath: string, env: string): string {
  return onAws(configPath, 'diff', env, '--only', 'services', '$IMAGE_TAGS');
}

/** Deploys the service stacks, each at its tag from `$IMAGE_TAGS`. */
export function deployServices(configPath: string, env: string): string {
  return onAws(configPath, 'deploy', env, '--only', 'services', '$IMAGE_TAGS');
}

/** The whole environment's diff at the config's tags. */
export function diffEnvironment(configPath: string, env: string): string {
  return onAws(configPath, 'diff', env);
}

/**
 * With branch images: each service at its tag from `$IMAGE_TAGS` (`--image-tag <service>=<tag> …`,
 * built by this push or reused from an earlier one), from the preview repositories.
 */
export function previewUp(configPath: string, branchImages: boolean): string {
  return branchImages
    ? slipway(configPath, 'preview', 'up', '--branch', '"$BRANCH"', '$IMAGE_TAGS', '--branch-images')
    : slipway(configPath, 'preview', 'up', '--branch', '"$BRANCH"');
}

export function previewDown(configPath: string): string {
  return slipway(configPath, 'preview', 'down', '--branch', '"$BRANCH"');
}

export function previewPrune(configPath: string, maxAgeDays: number): string {
  return slipway(configPath, 'preview', 'prune', '--older-than', `${maxAgeDays}d`);
}

/** Writes one EKS environment's GitOps folder, each service at its tag from `$IMAGE_TAGS`. */
export function writeManifests(configPath: string, env: string): string {
  return slipway(configPath, 'manifests', '--env', env, '$IMAGE_TAGS');
}

/** Writes nothing; exits 1 when a committed GitOps folder differs from what the config makes. */
export function checkManifests(configPath: string): string {
  return slipway(configPath, 'manifests', '--check');
}

import type { ServiceBuildModel } from '../model/types.js';
import { uses } from './actions.js';
import type { WorkflowContext } from './context.js';
import { expr } from './expression.js';
import type { Step } from './workflow-types.js';

/**
 * Checks the repository out without leaving the token in `.git/config`, so no later step (or
 * dependency install script) can push with it (SECURITY.md 17).
 */
export function checkout(options: { readonly fullHistory?: boolean; readonly ref?: string } = {}): Step {
  return {
    name: 'Check out',
    uses: uses('checkout'),
    with: {
      'persist-credentials': false,
      // Image tags are the last commit that changed a service, so the history is needed.
      ...(options.fullHistory ? { 'fetch-depth': 0 } : {}),
      ...(options.ref === undefined ? {} : { ref: options.ref }),
    },
  };
}

/** Node.js with the npm cache, then the repository's dependencies (Slipway among them). */
export function setupNodeAndInstall(ctx: WorkflowContext): Step[] {
  return [
    {
      name: 'Set up Node.js',
      uses: uses('setupNode'),
      with: { 'node-version': ctx.delivery.nodeVersion, cache: 'npm' },
    },
    { name: 'Install dependencies', run: ctx.delivery.commands.install },
  ];
}

/**
 * Exchanges the job's OIDC token for the role's credentials: no stored keys. The session name
 * shows in CloudTrail which workflow did what.
 */
export function assumeRole(roleArn: string, region: string, sessionName: string): Step {
  return {
    name: 'Assume the role through GitHub OIDC',
    uses: uses('configureAwsCredentials'),
    with: {
      'role-to-assume': roleArn,
      'aws-region': region,
      'role-session-name': sessionName.slice(0, 64),
    },
  };
}

/**
 * Sets `tag` to `sha-<commit>` for the last commit that changed the service's watched paths: the
 * build pushes that tag and the deploy computes the same one, so an unchanged service keeps its
 * tag and its stack does not change. `$WATCH` holds the paths.
 */
export function imageTagStep(): Step {
  return {
    name: 'Image tag (last commit that changed the service)',
    id: 'tag',
    run: [
      '# WATCH is a space-separated list of plain paths (checked by the config validation).',
      'commit="$(git log -1 --format=%H -- $WATCH)"',
      'if [ -z "$commit" ]; then',
      '  echo "::error::no commit touches $WATCH: check services.<name>.source in the Slipway config"',
      '  exit 1',
      'fi',
      'echo "tag=sha-$commit" >> "$GITHUB_OUTPUT"',
    ].join('\n'),
  };
}

/**
 * Points `$TARGET_TAG` at the image tagged `$SOURCE_TAG` in `$REPOSITORY`, through the ECR API (no
 * pull, no push): the manifest is copied, the layers stay. Does nothing when it already points there.
 */
export function moveTagScript(
  missing = '::error::$REPOSITORY has no image tagged $SOURCE_TAG: run its build workflow (Actions → Build) first',
): string {
  return [
    'manifest="$(aws ecr batch-get-image --repository-name "$REPOSITORY" --image-ids imageTag="$SOURCE_TAG" \\',
    '  --accepted-media-types application/vnd.oci.image.index.v1+json application/vnd.docker.distribution.manifest.list.v2+json application/vnd.oci.image.manifest.v1+json application/vnd.docker.distribution.manifest.v2+json \\',
    "  --query 'images[0]' --output json)\"",
    'if [ "$manifest" = "null" ] || [ -z "$manifest" ]; then',
    `  echo "${missing}"`,
    '  exit 1',
    'fi',
    'current="$(aws ecr describe-images --repository-name "$REPOSITORY" --image-ids imageTag="$TARGET_TAG" \\',
    "  --query 'imageDetails[0].imageDigest' --output text 2>/dev/null || true)\"",
    'wanted="$(echo "$manifest" | jq -r \'.imageId.imageDigest\')"',
    'if [ "$current" = "$wanted" ]; then',
    '  echo "$REPOSITORY:$TARGET_TAG is already $SOURCE_TAG ($wanted)"',
    'else',
    '  aws ecr put-image --repository-name "$REPOSITORY" --image-tag "$TARGET_TAG" \\',
    '    --image-manifest "$(echo "$manifest" | jq -r \'.imageManifest\')" \\',
    '    --image-manifest-media-type "$(echo "$manifest" | jq -r \'.imageManifestMediaType\')" > /dev/null',
    '  echo "$REPOSITORY:$TARGET_TAG → $SOURCE_TAG ($wanted)"',
    'fi',
  ].join('\n');
}

/**
 * Sets `$commit` to the last commit that changed the service's watched paths, or stops the job
 * saying the config names paths no commit touches: what every service's image tag is made of.
 * `from` starts the history elsewhere than what is checked out (a shell word); `annotate` marks
 * the message as a GitHub error, otherwise it goes to stderr (GitLab, or any shell).
 */
export function lastChangeLines(
  build: ServiceBuildModel,
  options: { readonly from?: string; readonly annotate: boolean },
): string[] {
  const paths = build.watch.join(' ');
  const message = `no commit touches ${paths} (service ${build.service}): check its source in the Slipway config`;
  return [
    `commit="$(git log -1 --format=%H${options.from === undefined ? '' : ` ${options.from}`} -- ${paths})"`,
    `if [ -z "$commit" ]; then ${options.annotate ? `echo "::error::${message}"` : `echo "${message}" >&2`}; exit 1; fi`,
  ];
}

/**
 * Sets `args` to `--image-tag <service>=sha-<commit> …` for every service, each commit being the
 * last that changed the service's watched paths (as `imageTagStep` computes for one). The names
 * and paths are config values the validation keeps to plain characters, so they are safe here.
 * With `ofRelease`, the history is read from the commit that started the run (the release tag's)
 * rather than from what is checked out.
 */
export function imageTagsStep(
  builds: readonly ServiceBuildModel[],
  options: { readonly ofRelease?: boolean } = {},
): Step {
  const from = options.ofRelease ? '"$RELEASE"' : undefined;
  const lines = ['args=""'];
  for (const build of builds) {
    lines.push(
      ...lastChangeLines(build, { from, annotate: true }),
      `args="$args --image-tag ${build.service}=sha-$commit"`,
    );
  }
  lines.push('echo "args=$args" >> "$GITHUB_OUTPUT"', 'echo "Image tags:$args"');
  return {
    name: 'Image tags (last commit that changed each service)',
    id: 'tags',
    ...(options.ofRelease ? { env: { RELEASE: expr('github.sha') } } : {}),
    run: lines.join('\n'),
  };
}

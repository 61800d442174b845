import type { ServiceBuildModel } from '../../model/types.js';

/** Where a job writes its ID token for the AWS SDK and CLI (`AWS_WEB_IDENTITY_TOKEN_FILE`). */
export const TOKEN_FILE = '$CI_BUILDS_DIR/.aws-web-identity-token';

/** The variable GitLab puts the job's ID token in (`id_tokens`). */
export const ID_TOKEN_VARIABLE = 'AWS_ID_TOKEN';

/**
 * Hands the job's ID token to the AWS SDK and CLI: both read `AWS_ROLE_ARN` and
 * `AWS_WEB_IDENTITY_TOKEN_FILE` and call `AssumeRoleWithWebIdentity` themselves. No stored keys.
 */
export function writeIdToken(): string {
  return `printf '%s' "$${ID_TOKEN_VARIABLE}" > "$AWS_WEB_IDENTITY_TOKEN_FILE"`;
}

/**
 * Sets `TAG` to `sha-<commit>` for the last commit that changed the service's `$WATCH` paths: the
 * build pushes that tag and the deploy computes the same one (as in the GitHub workflows).
 */
export function imageTagLines(): string[] {
  return [
    'commit="$(git log -1 --format=%H -- $WATCH)"',
    'if [ -z "$commit" ]; then echo "no commit touches $WATCH: check services.<name>.source in the Slipway config"; exit 1; fi',
    'export TAG="sha-$commit"',
  ];
}

/**
 * Exports `IMAGE_TAGS` as `--image-tag <service>=sha-<commit> …` for every service. Names and
 * paths are config values the validation keeps to plain characters, so they are safe here.
 */
export function imageTagsLines(builds: readonly ServiceBuildModel[]): string[] {
  const lines = ['IMAGE_TAGS=""'];
  for (const build of builds) {
    const paths = build.watch.join(' ');
    lines.push(
      `commit="$(git log -1 --format=%H -- ${paths})"`,
      `if [ -z "$commit" ]; then echo "no commit touches ${paths} (service ${build.service}): check its source in the Slipway config"; exit 1; fi`,
      `IMAGE_TAGS="$IMAGE_TAGS --image-tag ${build.service}=sha-$commit"`,
    );
  }
  lines.push('export IMAGE_TAGS', 'echo "Image tags:$IMAGE_TAGS"');
  return lines;
}

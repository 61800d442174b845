import type { ServiceBuildModel } from '../model/types.js';
import { previewRepositoryName } from '../stacks/shared/resource-names.js';
import { lastChangeLines } from './steps.js';
import type { Step } from './workflow-types.js';

/**
 * Which of a preview's images a push must build. Each service's image is named by the last commit
 * that changed its watched paths (`sha-<commit>`, as the deploy workflow names images), so a push
 * that leaves a service alone names the image an earlier push of the branch (or any branch at the
 * same commits) already built: when the service's preview repository has that tag, it is reused.
 * A push that changes one service builds one image. The repositories keep tags immutable, so
 * reusing also spares a re-run the push it could not make.
 *
 * The lines run with the preview push role's credentials (`ecr:BatchGetImage` on the preview
 * repositories) and need the history (a full clone). Names and paths are config values the
 * validation keeps to plain characters. `$tag` holds the service's tag in what `with` adds:
 * `tagged` runs for every service, `missing` for an image to build. At the end `$args` holds
 * `--image-tag <service>=<tag> …` for every service.
 */
export function previewImageLines(
  builds: readonly ServiceBuildModel[],
  add: {
    readonly tagged?: (build: ServiceBuildModel) => readonly string[];
    readonly missing: (build: ServiceBuildModel) => readonly string[];
  },
): string[] {
  const lines = ['args=""'];
  for (const build of builds) {
    const paths = build.watch.join(' ');
    const repository = previewRepositoryName(build.repository);
    lines.push(
      // To stderr: the same lines run on GitLab, where `::error::` means nothing.
      ...lastChangeLines(build, { annotate: false }),
      'tag="sha-$commit"',
      ...(add.tagged?.(build) ?? []),
      `args="$args --image-tag ${build.service}=$tag"`,
      // An assignment, so a failed call (no access, no repository) stops the job instead of
      // passing for a missing image or, worse, a present one.
      `found="$(aws ecr batch-get-image --repository-name ${repository} --image-ids imageTag="$tag" --query 'length(images)' --output text)"`,
      'if [ "$found" = "0" ]; then',
      `  echo "${build.service}: building $tag (its sources changed since the last image in ${repository})"`,
      ...add.missing(build).map((line) => `  ${line}`),
      'else',
      `  echo "${build.service}: reusing $tag from ${repository} (no change to ${paths})"`,
      'fi',
    );
  }
  return lines;
}

/** GitHub step outputs: `tag-<service>`, `build-<service>` (`true` when it must be built), `args`. */
export const previewImageOutputs = {
  tag: (service: string) => `tag-${service}`,
  build: (service: string) => `build-${service}`,
};

/** The step (id `images`) that decides, for the preview workflow's build steps and `preview up`. */
export function previewImagesStep(builds: readonly ServiceBuildModel[]): Step {
  const output = (name: string, value: string) => `echo "${name}=${value}" >> "$GITHUB_OUTPUT"`;
  const lines = previewImageLines(builds, {
    // Each tag is an output whether built or reused: the build steps push to it, `preview up` runs it.
    tagged: (build) => [output(previewImageOutputs.tag(build.service), '$tag')],
    missing: (build) => [output(previewImageOutputs.build(build.service), 'true')],
  });
  return {
    name: 'Images to build (only services changed since their last preview image)',
    id: 'images',
    run: [...lines, output('args', '$args'), 'echo "Image tags:$args"'].join('\n'),
  };
}

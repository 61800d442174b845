import { asList, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/**
 * Tags their publishers move to each new release. Datadog's `7` on Docker Hub once pointed at an
 * index without a Linux image, and ECS tasks that pulled it failed to start (DataDog/datadog-agent
 * issue 32904, January 2025); an agent or collector that changes under a running service, unasked,
 * is the same risk without the error.
 */
const MOVING_TAGS = new Set(['latest', 'stable', 'mainline', 'edge', 'nightly', 'rc']);
/** A major version alone, with or without a variant: `7`, `v2`, `7-jmx`, `17-alpine`. */
const MAJOR_ONLY = /^v?\d+(-[a-z][a-z0-9.-]*)?$/i;
/**
 * Images in a private ECR registry are the app's own, built and promoted by tag under the CI
 * stack's rules (Slipway-ECR2 holds their tags immutable); this rule is about what others publish.
 */
const PRIVATE_ECR = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/** The tag of `registry/name:tag`, or 'latest' when there is none, as Docker reads it. */
function tagOf(image: string): string {
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon === -1 ? 'latest' : name.slice(colon + 1);
}

/** Why `image` may change without the template changing, or undefined when it cannot. */
export function movingImage(image: string): string | undefined {
  if (image.includes('@sha256:') || PRIVATE_ECR.test(image)) return undefined;
  const tag = tagOf(image);
  if (MOVING_TAGS.has(tag.toLowerCase())) return `'${tag}' moves to every release`;
  if (MAJOR_ONLY.test(tag)) return `'${tag}' names a major version only, so it moves with each release of it`;
  return undefined;
}

export const observabilityPinnedSidecarImages: SlipwayRule = {
  id: 'Slipway-OBS3',
  level: 'error',
  description:
    "A task definition's containers from a public registry (sidecars, agents, collectors) must name an exact release or a digest, never a moving tag such as 'latest', 'stable' or a major version alone.",
  check(resource) {
    if (resource.Type !== 'AWS::ECS::TaskDefinition') return 'not-applicable';
    const moving: string[] = [];
    for (const container of asList(property(resource, 'ContainerDefinitions')).filter(isRecord)) {
      // An image assembled at deploy time (a reference) is the app's own, from the CI account.
      if (typeof container.Image !== 'string') continue;
      const why = movingImage(container.Image);
      if (why !== undefined) moving.push(`${String(container.Name)}: ${container.Image} (${why})`);
    }
    return moving.length === 0 ? 'compliant' : violation(moving.join('; '));
  },
};

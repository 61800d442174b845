/**
 * Image references: ECR repository names and tags, checked where they are written so a typo
 * fails here rather than as a pull error after the deploy has started.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';
import { checkImageTag } from './image-tag.js';

/** ECR: lower-case path components separated by '/', each made of [a-z0-9] joined by '.', '_' or '-'. */
const REPOSITORY = /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const validateImages: Validator = ({ config }) => {
  const issues: ConfigIssue[] = [];
  for (const [name, service] of Object.entries(config.services ?? {})) {
    const repository = service.image?.repository;
    if (repository !== undefined && !REPOSITORY.test(repository)) {
      issues.push(
        issue(
          joinPath('services', name, 'image', 'repository'),
          `'${repository}' is not an ECR repository name`,
          `use lower-case letters, digits and '.', '_', '-' in '/'-separated parts, e.g. '${config.app}/${name}'`,
        ),
      );
    }
    issues.push(...checkImageTag(joinPath('services', name, 'image', 'tag'), service.image?.tag));
  }
  for (const [env, environment] of Object.entries(config.environments)) {
    for (const [name, override] of Object.entries(environment.services ?? {})) {
      issues.push(
        ...checkImageTag(
          joinPath('environments', env, 'services', name, 'image', 'tag'),
          override.image?.tag,
        ),
      );
    }
  }
  return issues;
};

/**
 * Delivery settings end up in generated workflow files and in OIDC trust policies: a path with a
 * space would split a shell word, a branch pattern the workflows cannot express would filter
 * nothing, and a preview copying production would let unreviewed branches deploy there.
 */

import type { AppModel } from '../../model/types.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { isPinnedTag } from '../resolve/image-tags.js';
import type { DeliveryConfig } from '../schema.js';
import type { Validator } from './context.js';

/** A literal prefix of branch characters, then at most one `*` or `**` at the end. */
const BRANCH_PATTERN = /^[A-Za-z0-9._/-]+(?:\*\*?)?$/;
/** Relative paths of plain characters: safe as shell words, YAML scalars and path filters. */
const PLAIN_PATH = /^[A-Za-z0-9._/-]+$/;
const NODE_VERSION = /^\d{2}(?:\.\d+){0,2}$/;
/**
 * More stacks at once than this mostly queue behind CloudFormation's own limits on concurrent
 * operations and API rates in one account and region.
 */
const MAX_DEPLOY_CONCURRENCY = 20;

export const validateDelivery: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const delivery = config.delivery;
  (delivery?.previewBranches ?? []).forEach((pattern, index) => {
    if (!BRANCH_PATTERN.test(pattern) || pattern.includes('..') || pattern.startsWith('/')) {
      issues.push(
        issue(
          joinPath('delivery', 'previewBranches', index),
          `'${pattern}' is not a branch prefix with an optional trailing '*'`,
          "write a literal prefix followed by '*', e.g. 'feat/*', or an exact branch name",
        ),
      );
    }
  });
  issues.push(...previewIssues(config.delivery, model));
  issues.push(...costAlertIssues(delivery));
  const days = delivery?.previewMaxAgeDays;
  if (days !== undefined && (days < 1 || days > 90)) {
    issues.push(
      issue(
        'delivery.previewMaxAgeDays',
        `${days} is outside 1–90 days`,
        'set how many days an idle preview may live, e.g. 7',
      ),
    );
  }
  const concurrency = delivery?.deployConcurrency;
  if (concurrency !== undefined && (concurrency < 1 || concurrency > MAX_DEPLOY_CONCURRENCY)) {
    issues.push(
      issue(
        'delivery.deployConcurrency',
        `${concurrency} is outside 1–${MAX_DEPLOY_CONCURRENCY} service stacks at once`,
        'set how many service stacks may deploy at once, e.g. 4 (1 deploys them one after another)',
      ),
    );
  }
  if (delivery?.nodeVersion !== undefined && !NODE_VERSION.test(delivery.nodeVersion)) {
    issues.push(
      issue(
        'delivery.nodeVersion',
        `'${delivery.nodeVersion}' is not a Node.js version`,
        "give a major version as a string, e.g. '22'",
      ),
    );
  }
  for (const [name, command] of Object.entries(delivery?.commands ?? {})) {
    if (command !== undefined && command.trim() === '') {
      issues.push(
        issue(
          joinPath('delivery', 'commands', name),
          'the command is empty',
          "give a shell command, e.g. 'npm test', or leave the field out for the default",
        ),
      );
    }
  }
  for (const [service, definition] of Object.entries(config.services ?? {})) {
    const source = definition.source;
    if (source === undefined) continue;
    const paths: [string, string | undefined][] = [
      [joinPath('services', service, 'source', 'context'), source.context],
      [joinPath('services', service, 'source', 'dockerfile'), source.dockerfile],
      ...(source.watch ?? []).map((path, index): [string, string] => [
        joinPath('services', service, 'source', 'watch', index),
        path,
      ]),
    ];
    for (const [at, path] of paths) {
      if (path !== undefined && !isPlainRelativePath(path)) {
        issues.push(
          issue(
            at,
            `'${path}' is not a plain path inside the repository`,
            "use a relative path of letters, digits, '.', '_', '-' and '/', without '..', e.g. 'apps/web'",
          ),
        );
      }
    }
  }
  if (model.delivery?.pipeline === 'codepipeline') {
    for (const env of model.environments) {
      for (const service of env.services.filter((s) => isPinnedTag(s.image.tag))) {
        issues.push(
          issue(
            joinPath('environments', env.name, 'services', service.name, 'image', 'tag'),
            `'${service.image.tag}' is pinned, but a CodePipeline starts when the environment's tag moves to a new image`,
            "use a moving tag such as 'dev-latest' or 'latest', or set delivery.pipeline to 'github-actions'",
          ),
        );
      }
    }
  }
  return issues;
};

function previewIssues(delivery: DeliveryConfig | undefined, model: AppModel): ConfigIssue[] {
  const asked = (delivery?.previewBranches?.length ?? 0) > 0;
  const named = delivery?.previewEnvironment;
  if (named !== undefined) {
    const env = model.environments.find((e) => e.name === named);
    if (env === undefined) {
      return [
        issue(
          'delivery.previewEnvironment',
          `'${named}' is not a declared environment`,
          `name one of ${model.environments.map((e) => e.name).join(', ')}`,
        ),
      ];
    }
    if (env.production) {
      return [
        issue(
          'delivery.previewEnvironment',
          `'${named}' is a production environment; previews deploy unreviewed branches`,
          'name a non-production environment, or set previewBranches to [] to turn previews off',
        ),
      ];
    }
  } else if (asked && !model.environments.some((e) => !e.production)) {
    return [
      issue(
        'delivery.previewBranches',
        'previews need a non-production environment to copy, and every environment is production',
        'add a development environment, or set previewBranches to [] to turn previews off',
      ),
    ];
  }
  const preview = model.delivery?.preview;
  if (preview === undefined) return [];
  return model.ci.deployRoles
    .filter((role) => role.githubEnvironment === preview.githubEnvironment)
    .map((role) =>
      issue(
        joinPath('environments', role.environment, 'githubEnvironment'),
        `'${preview.githubEnvironment}' is the GitHub environment preview jobs run in`,
        'give this environment another GitHub environment name, or turn previews off with delivery.previewBranches: []',
      ),
    );
}

function isPlainRelativePath(path: string): boolean {
  return PLAIN_PATH.test(path) && !path.startsWith('/') && !path.split('/').includes('..');
}

/** A threshold of zero or less would call out every plan; NaN or Infinity none. */
function costAlertIssues(delivery: DeliveryConfig | undefined): ConfigIssue[] {
  const alert = delivery?.costAlert;
  if (alert === undefined || alert === false) return [];
  const issues: ConfigIssue[] = [];
  if (alert.monthlyUsd !== undefined && !(Number.isFinite(alert.monthlyUsd) && alert.monthlyUsd > 0)) {
    issues.push(
      issue(
        'delivery.costAlert.monthlyUsd',
        `${alert.monthlyUsd} is not a positive number of dollars`,
        'give dollars a month, e.g. 50, or set costAlert: false to turn the callout off',
      ),
    );
  }
  if (
    alert.percent !== undefined &&
    !(Number.isFinite(alert.percent) && alert.percent > 0 && alert.percent <= 1000)
  ) {
    issues.push(
      issue(
        'delivery.costAlert.percent',
        `${alert.percent} is outside 0–1000 percent (zero excluded)`,
        'give a percentage of the base plan, e.g. 10 for ten percent',
      ),
    );
  }
  return issues;
}

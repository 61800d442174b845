/**
 * SNS topics: names SNS accepts, and services that publish only to topics the config declares,
 * without setting the `TOPIC_<NAME>` Slipway sets.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';
import { unknownTopic } from './functions.js';
import { topicVariable } from '../../model/service-topics.js';

/** Lower-case words and hyphens: the topic's part of `<app>-<env>-<name>` and of `TOPIC_<NAME>`. */
const TOPIC_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** SNS's limit on a topic name. */
const MAX_TOPIC_NAME = 256;

export const validateTopics: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const declared = Object.keys(config.topics ?? {});
  for (const name of declared) {
    if (!TOPIC_NAME.test(name)) {
      issues.push(
        issue(
          joinPath('topics', name),
          `'${name}' is not a topic name Slipway can use: lower-case letters, digits and single hyphens, starting with a letter`,
          `rename it, e.g. '${
            name
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-+|-+$/g, '') || 'order-events'
          }'`,
        ),
      );
    }
    const longest = Math.max(...model.environments.map((env) => `${config.app}-${env.name}-${name}`.length));
    if (longest > MAX_TOPIC_NAME) {
      issues.push(
        issue(
          joinPath('topics', name),
          `the topic would be named with ${longest} characters; SNS allows ${MAX_TOPIC_NAME}`,
          'shorten the name',
        ),
      );
    }
  }
  for (const [service, settings] of Object.entries(config.services ?? {})) {
    (settings.topics ?? []).forEach((topic, i) => {
      issues.push(...unknownTopic(topic, declared, joinPath('services', service, 'topics', i)));
      const variable = topicVariable(topic);
      if (settings.environment?.[variable] !== undefined) {
        issues.push(
          issue(
            joinPath('services', service, 'environment', variable),
            `${variable} is set by Slipway to the '${topic}' topic's ARN`,
            'remove it from environment',
          ),
        );
      }
    });
  }
  return issues;
};

/**
 * SNS topics: names SNS accepts, and services that publish only to topics the config declares,
 * without setting the `TOPIC_<NAME>` Slipway sets.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';
import { unknownTopic } from './functions.js';
import { type ResourceNameRule, resourceNameIssues } from './named-resources.js';
import { topicVariable } from '../../model/service-topics.js';

/** SNS's limit on a topic name, `<app>-<env>-<name>`. */
const TOPIC_NAME_RULE: ResourceNameRule = {
  kind: 'topic',
  service: 'SNS',
  maxLength: 256,
  example: 'order-events',
};

export const validateTopics: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const declared = Object.keys(config.topics ?? {});
  for (const name of declared) {
    issues.push(
      ...resourceNameIssues(
        TOPIC_NAME_RULE,
        name,
        joinPath('topics', name),
        config.app,
        model.environments.map((env) => env.name),
      ),
    );
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

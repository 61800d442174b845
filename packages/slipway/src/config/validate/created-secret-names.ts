/**
 * Secrets Slipway creates carry the name the config gives them, and Secrets Manager names are
 * unique per account and region. Two environments in one account and region that inherit the same
 * name would both create it, and the second environment's data stack would fail half way.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';

export const validateCreatedSecretNames: Validator = ({ config, model }) => {
  const owners = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const env of model.environments) {
    for (const secret of env.secrets.filter((s) => s.source === 'secretsmanager')) {
      const key = `${env.account}/${env.region}/${secret.path}`;
      const owner = owners.get(key);
      if (owner === undefined) {
        owners.set(key, env.name);
        continue;
      }
      const overridden = config.environments[env.name]?.secrets?.[secret.name]?.secretsManager !== undefined;
      issues.push(
        issue(
          overridden
            ? joinPath('environments', env.name, 'secrets', secret.name, 'secretsManager')
            : joinPath('secrets', secret.name, 'secretsManager'),
          `environments '${owner}' and '${env.name}' share account ${env.account} and region ${env.region}, so both would create the Secrets Manager secret '${secret.path}', and the second deploy fails on the name`,
          `give '${env.name}' a name of its own: environments.${env.name}.secrets.${secret.name}: { secretsManager: '${secret.path}-${env.name}' }`,
        ),
      );
    }
  }
  return issues;
};

import type { EnvironmentModel } from './types.js';

/** Whether the environment has anything for a data stack to hold (CloudFormation rejects empty stacks). */
export function needsDataStack(env: EnvironmentModel): boolean {
  return (
    env.databases.length > 0 ||
    (env.caches ?? []).length > 0 ||
    (env.tables ?? []).length > 0 ||
    env.secrets.some((s) => s.source === 'secretsmanager') ||
    env.auth !== undefined
  );
}

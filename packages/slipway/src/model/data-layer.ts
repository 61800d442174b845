import type { EnvironmentModel } from './types.js';

/** Whether the environment has anything for a data stack to hold (CloudFormation rejects empty stacks). */
export function needsDataStack(env: EnvironmentModel): boolean {
  return (
    env.databases.length > 0 ||
    (env.caches ?? []).length > 0 ||
    (env.tables ?? []).length > 0 ||
    env.secrets.some((s) => s.source === 'secretsmanager') ||
    env.auth !== undefined ||
    needsDataKeyOnly(env)
  );
}

/**
 * Functions, topics and queues use the environment's data key under customer-managed encryption,
 * and that key lives in the data stack: with nothing else there, the stack holds the key alone.
 */
function needsDataKeyOnly(env: EnvironmentModel): boolean {
  const messaging = (env.functions ?? []).length + (env.topics ?? []).length + (env.queues ?? []).length;
  return env.encryption === 'customer-managed' && messaging > 0;
}

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { DeployUsageError } from './errors.js';

/** Where a deploy goes: a real AWS account, or the emulator on this machine. */
export type DeployTarget = 'aws' | 'local';

export const DEPLOY_TARGETS: readonly DeployTarget[] = ['aws', 'local'];

/** The target used and why, for the first line of a deploy's output. */
export interface ChosenTarget {
  readonly target: DeployTarget;
  readonly reason: string;
}

/**
 * `--target` when given; otherwise AWS when credentials are configured on this machine and the
 * local emulator when they are not, so a fresh checkout deploys somewhere without an account.
 */
export function chooseTarget(
  requested: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ChosenTarget {
  if (requested !== undefined) {
    if (!DEPLOY_TARGETS.includes(requested as DeployTarget)) {
      throw new DeployUsageError(
        `--target ${requested}: unknown target. Fix: use --target aws or --target local.`,
      );
    }
    return { target: requested as DeployTarget, reason: 'chosen with --target' };
  }
  const source = configuredCredentials(env);
  return source
    ? {
        target: 'aws',
        reason: `AWS credentials are configured (${source}); --target local deploys to the emulator instead`,
      }
    : { target: 'local', reason: 'no AWS credentials are configured; --target aws deploys to AWS' };
}

/**
 * Where AWS credentials would come from, without reading them or calling AWS: the variables the
 * SDK's default chain reads, then the shared config and credentials files. Undefined when none.
 */
export function configuredCredentials(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'AWS_ACCESS_KEY_ID';
  if (env.AWS_PROFILE) return `AWS_PROFILE=${env.AWS_PROFILE}`;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return 'AWS_WEB_IDENTITY_TOKEN_FILE';
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    return 'container credentials';
  }
  const home = env.HOME ?? homedir();
  const files = [
    env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'),
    env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'),
  ];
  const file = files.find((f) => existsSync(f));
  return file ? file : undefined;
}

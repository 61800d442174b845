import { type Command, Option } from 'commander';
import type { DeployTarget } from '../deploy/target.js';
import { DEFAULT_STATE_DIR } from '../local-cloud/state-file.js';
import { type ConfigOptions, DEFAULT_CONFIG } from './shared-options.js';

/** Options deploy, diff, destroy, preview and report share. */
export interface TargetOptions extends ConfigOptions {
  readonly target?: DeployTarget;
  readonly stateDir: string;
}

/** `--target` and `--state-dir`, shared by deploy, diff and destroy. */
export function addTargetOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-t, --target <target>', 'where the environment lives: aws or local (the emulator)').choices(
        ['aws', 'local'],
      ),
    )
    .addOption(
      new Option(
        '--state-dir <dir>',
        'where the local emulator and synthesized assemblies keep their state',
      ).default(DEFAULT_STATE_DIR),
    );
}

/** The command line that repeats this one for one environment, for messages that say what to run next. */
export function retryCommand(action: string, envName: string, options: TargetOptions): string {
  const parts = ['slipway', action, '--env', envName];
  if (options.config !== DEFAULT_CONFIG) parts.push('--config', options.config);
  if (options.target) parts.push('--target', options.target);
  if (options.stateDir !== DEFAULT_STATE_DIR) parts.push('--state-dir', options.stateDir);
  return parts.join(' ');
}

import { Command, Option } from 'commander';
import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { type DestroyResult, destroyEnvironment } from '../../deploy/index.js';
import { singleEnvironmentName } from '../../deploy/select-environment.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import { addConfigOptions, resolveConfigPath } from '../shared-options.js';
import {
  addTargetOptions,
  progressPrinter,
  reportingErrors,
  retryCommand,
  type TargetOptions,
  terminalConfirm,
} from './deploy.js';

interface DestroyCommandOptions extends TargetOptions {
  readonly yes: boolean;
}

export function destroyCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('destroy')
    .description(
      "delete one environment's stacks, services first and network last; the shared CI stack stays",
    )
    .addOption(
      new Option(
        '-y, --yes',
        'confirm without asking (production still refuses: its stacks are protected)',
      ).default(false),
    )
    .addHelpText(
      'after',
      '\nStacks with termination protection (every production stack) are refused before anything is deleted.\n' +
        'Exit codes: 0 destroyed (or nothing deployed), 1 refused, 2 usage or setup error, 4 a stack failed to delete.',
    );
  addTargetOptions(addConfigOptions(command)).action(async (options: DestroyCommandOptions) => {
    await reportingErrors(io, setExit, async () => {
      const model = await loadConfig(resolveConfigPath(options.config));
      const envName = singleEnvironmentName(model, options.env, 'destroy');
      const result = await destroyEnvironment(model, envName, {
        target: options.target,
        yes: options.yes,
        confirm: terminalConfirm(),
        stateDir: options.stateDir,
        onEvent: progressPrinter(io),
        command: retryCommand('destroy', envName, options),
      });
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderDestroy(result));
    });
  });
  return command;
}

function renderDestroy(result: DestroyResult): string {
  const lines = [pc.bold(`${result.app} ${result.environment} · destroy on ${result.target}`), ''];
  if (result.destroyed.length === 0) {
    lines.push('Nothing to delete: no stack of this environment is deployed.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(pc.green(`✓ Deleted ${result.destroyed.join(', ')}.`));
  if (result.retained.length > 0) {
    lines.push(
      '',
      'Kept by their deletion policy (data is never deleted with a stack):',
      renderTable(
        ['stack', 'resource', 'type', 'policy'],
        result.retained.map((r) => [
          r.stack,
          r.logicalId,
          r.type,
          r.policy === 'Snapshot' ? 'final snapshot' : 'retained',
        ]),
      ),
      pc.dim(
        'Resources with fixed names (the database log group) must be deleted before this environment is deployed again.',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

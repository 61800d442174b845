import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { type DestroyResult, destroyEnvironment } from '../../deploy/index.js';
import { singleEnvironmentName } from '../../deploy/select-environment.js';
import { progressPrinter, reportingErrors, terminalConfirm } from '../deploy-feedback.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import { resolveConfigPath } from '../shared-options.js';
import { retryCommand } from '../target-options.js';
import type { DestroyCommandOptions } from './destroy.js';

/** What `slipway destroy` does; loaded only when it runs, since it loads the CDK toolkit. */
export async function runDestroyCommand(
  options: DestroyCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  await reportingErrors(io, setExit, async () => {
    const model = await loadConfig(resolveConfigPath(options.config));
    const envName = singleEnvironmentName(model, options.env, 'destroy');
    const result = await destroyEnvironment(model, envName, {
      target: options.target,
      yes: options.yes,
      concurrency: options.concurrency,
      confirm: terminalConfirm(),
      stateDir: options.stateDir,
      onEvent: progressPrinter(io),
      command: retryCommand('destroy', envName, options),
    });
    io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderDestroy(result));
  });
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

import path from 'node:path';
import pc from 'picocolors';
import { InitError, initProject } from '../../init/init-project.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import type { InitCommandOptions } from './init.js';

/** What `slipway init` does; loaded only when it runs, since it loads the workflow generators. */
export function runInitCommand(
  options: InitCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  let result: ReturnType<typeof initProject>;
  try {
    result = initProject({
      root: options.dir,
      configFile: options.config,
      force: options.force,
      ...(options.app === undefined ? {} : { app: options.app }),
    });
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    io.err(`${pc.red('✗')} ${error.message}\n`);
    setExit(ExitCode.usage);
    return;
  }
  if (options.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const root = path.resolve(options.dir);
  const lines = [
    pc.bold(`${result.app} · init`),
    '',
    result.services.length === 0
      ? pc.yellow('No Dockerfile found: the config has no services yet.')
      : renderTable(
          ['service', 'port', 'source'],
          result.services.map((s) => [
            s.name,
            s.port === undefined ? '8080 (guessed)' : String(s.port),
            s.context,
          ]),
        ),
    '',
    `${pc.green('✓')} wrote ${path.relative(root, result.configFile)}${result.repository ? ` (repository ${result.repository} from git remote)` : ''}`,
    `${pc.green('✓')} wrote ${result.files.map((f) => `.github/${f.path}`).join(', ')}`,
    '',
    pc.bold('Fill in:'),
    ...result.todo.map((item) => `  • ${item}`),
    '',
  ];
  io.out(lines.join('\n'));
}

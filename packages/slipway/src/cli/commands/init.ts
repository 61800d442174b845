import path from 'node:path';
import { Command, Option } from 'commander';
import pc from 'picocolors';
import { InitError, initProject } from '../../init/init-project.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import { DEFAULT_CONFIG } from '../shared-options.js';

interface InitCommandOptions {
  readonly config: string;
  readonly dir: string;
  readonly app?: string;
  readonly force: boolean;
  readonly json: boolean;
}

/** `slipway init`: a config and workflows for an existing repository, from its Dockerfiles. */
export function initCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('init')
    .description('scaffold slipway.config.ts and the workflows from the Dockerfiles of this repository')
    .addOption(
      new Option('-c, --config <file>', 'the config to write, relative to --dir').default(DEFAULT_CONFIG),
    )
    .addOption(new Option('-d, --dir <path>', 'the repository root').default('.'))
    .addOption(new Option('--app <name>', 'app name (default: the repository name)'))
    .addOption(new Option('--force', 'replace an existing config and same-named workflows').default(false))
    .addOption(
      new Option('--json', 'print one JSON document on stdout instead of the summary').default(false),
    )
    .action((options: InitCommandOptions) => {
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
    });
}

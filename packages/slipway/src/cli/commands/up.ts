import { Command, Option } from 'commander';
import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { deployEnvironment } from '../../deploy/index.js';
import { chooseEnvironment } from '../../dev/local-services.js';
import { DEFAULT_BASE_PORT } from '../../dev/ports.js';
import { startLocalCloud, stopLocalCloud } from '../../local-cloud/index.js';
import { DEFAULT_STATE_DIR } from '../../local-cloud/state-file.js';
import { hasUnacknowledgedErrors } from '../../plan/findings.js';
import { runPlan } from '../../plan/run-plan.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';
import { DEFAULT_CONFIG, DEFAULT_OUT, resolveConfigPath } from '../shared-options.js';
import { progressPrinter, renderDeploy, reportingErrors } from './deploy.js';
import { runDev } from './dev.js';
import { renderPlan } from './plan-run.js';

interface UpCommandOptions {
  readonly config: string;
  readonly env?: string;
  readonly port: number;
  readonly out: string;
  readonly stateDir: string;
  readonly keepCloud: boolean;
  readonly dataDir?: string;
}

/**
 * `slipway up`: the whole path on this machine with no account. Plans an environment (findings
 * and cost), deploys it to the local emulator, then runs its services against an embedded
 * PostgreSQL until Ctrl-C, and stops the emulator it started.
 */
export function upCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('up')
    .description(
      'plan an environment, deploy it to the local AWS emulator and run its services here, until Ctrl-C',
    )
    .addOption(new Option('-c, --config <file>', 'the Slipway config to read').default(DEFAULT_CONFIG))
    .addOption(
      new Option('-e, --env <name>', 'the environment to bring up').default(
        undefined,
        'the first non-production one',
      ),
    )
    .addOption(
      new Option('-p, --port <base>', 'port of the first local service; the rest follow')
        .argParser((value) => Number(value))
        .default(DEFAULT_BASE_PORT),
    )
    .addOption(new Option('-o, --out <dir>', 'where the templates are written').default(DEFAULT_OUT))
    .addOption(
      new Option('--data-dir <dir>', 'where the embedded databases keep their data').default(
        undefined,
        '.slipway/dev/<env> beside the config',
      ),
    )
    .addOption(
      new Option('--state-dir <dir>', 'where the emulator keeps its state').default(DEFAULT_STATE_DIR),
    )
    .addOption(
      new Option(
        '--keep-cloud',
        'leave the emulator running after Ctrl-C (slipway local stop ends it)',
      ).default(false),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 stopped with Ctrl-C, 1 unacknowledged error findings or a service failed, 2 config or usage error, 4 a stack failed.',
    )
    .action(async (options: UpCommandOptions) => {
      const configFile = resolveConfigPath(options.config);
      const model = await loadConfig(configFile);
      const env = chooseEnvironment(model, options.env);

      const plan = runPlan(model, {
        outdir: options.out,
        environments: [env.name],
        onStep: io.progress ? progressReporter(io.progress) : undefined,
      });
      io.out(renderPlan(plan, options.out));
      if (hasUnacknowledgedErrors(plan)) {
        io.err(
          `${pc.red('✗')} Not deploying ${env.name}: fix or acknowledge the error findings above first.\n`,
        );
        setExit(ExitCode.findings);
        return;
      }

      const cloud = await startLocalCloud({ stateDir: options.stateDir });
      io.out(`\n${pc.bold('Local AWS')} ${cloud.endpoint}${cloud.started ? '' : ' (already running)'}\n`);
      let deployed = false;
      try {
        await reportingErrors(io, setExit, async () => {
          const result = await deployEnvironment(model, env.name, {
            target: 'local',
            stateDir: options.stateDir,
            onEvent: progressPrinter(io),
            command: `slipway up --env ${env.name}`,
            // The plan above ran the checks and stopped on open errors.
            checked: true,
          });
          io.out(`\n${renderDeploy(result)}\n`);
          deployed = true;
        });
        if (!deployed) return;
        io.out(
          `${pc.bold('Services')} (Ctrl-C stops them${cloud.started && !options.keepCloud ? ' and the emulator' : ''})\n`,
        );
        setExit(
          await runDev(io, model, configFile, {
            config: options.config,
            env: env.name,
            port: options.port,
            ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
            stateDir: options.stateDir,
            localCloud: { endpoint: cloud.endpoint },
          }),
        );
      } finally {
        if (cloud.started && !options.keepCloud) await stopLocalCloud({ stateDir: options.stateDir });
      }
    });
}

import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { deployEnvironment } from '../../deploy/index.js';
import { chooseEnvironment } from '../../dev/local-services.js';
import { startLocalCloud, stopLocalCloud } from '../../local-cloud/index.js';
import { hasUnacknowledgedErrors } from '../../plan/findings.js';
import { runPlan } from '../../plan/run-plan.js';
import { progressPrinter, reportingErrors } from '../deploy-feedback.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';
import { renderDeploy } from '../render/deploy.js';
import { resolveConfigPath } from '../shared-options.js';
import { runDev } from './dev-run.js';
import { renderPlan } from '../render/plan.js';
import type { UpCommandOptions } from './up.js';

/** What `slipway up` does; loaded only when it runs, since it plans, deploys and starts the services. */
export async function runUpCommand(
  options: UpCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
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
    io.err(`${pc.red('✗')} Not deploying ${env.name}: fix or acknowledge the error findings above first.\n`);
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
}

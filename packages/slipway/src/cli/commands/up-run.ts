import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { chooseEnvironment } from '../../dev/local-services.js';
import { startLocalCloud, stopLocalCloud } from '../../local-cloud/index.js';
import { reportingErrors } from '../deploy-feedback.js';
import type { CliIo } from '../io.js';
import { resolveConfigPath } from '../shared-options.js';
import { runDev } from './dev-run.js';
import { planAndDeployUp } from './up-deploy.js';
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

  // An emulator that cannot start (no moto, a busy port) is reported with its fix, as deploy reports it.
  await reportingErrors(io, setExit, async () => {
    // Started before the synth: the emulator's stand-in for a configured certificate is in the templates.
    const cloud = await startLocalCloud({ stateDir: options.stateDir });
    io.out(`${pc.bold('Local AWS')} ${cloud.endpoint}${cloud.started ? '' : ' (already running)'}\n`);
    try {
      const deployed = await planAndDeployUp(
        model,
        env.name,
        { out: options.out, stateDir: options.stateDir },
        io,
        setExit,
      );
      if (deployed === undefined) return;
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

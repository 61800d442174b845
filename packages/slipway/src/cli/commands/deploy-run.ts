import { loadConfig } from '../../config/load.js';
import { deployEnvironment, parseImageTag } from '../../deploy/index.js';
import { singleEnvironmentName } from '../../deploy/select-environment.js';
import { progressPrinter, reportingErrors, terminalConfirm } from '../deploy-feedback.js';
import type { CliIo } from '../io.js';
import { renderDeploy } from '../render/deploy.js';
import { resolveConfigPath } from '../shared-options.js';
import { retryCommand } from '../target-options.js';
import type { DeployCommandOptions } from './deploy.js';

/** What `slipway deploy` does; loaded only when it runs, since deploying loads the CDK toolkit. */
export async function runDeployCommand(
  options: DeployCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  await reportingErrors(io, setExit, async () => {
    const model = await loadConfig(resolveConfigPath(options.config));
    const envName = singleEnvironmentName(model, options.env, 'deploy');
    const result = await deployEnvironment(model, envName, {
      target: options.target,
      imageTags: options.imageTag.map(parseImageTag),
      allowReplace: options.allowReplace,
      yes: options.yes,
      concurrency: options.concurrency,
      includeCi: options.includeCi,
      only: options.only,
      confirm: terminalConfirm(),
      stateDir: options.stateDir,
      onEvent: progressPrinter(io),
      command: retryCommand('deploy', envName, options),
    });
    io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderDeploy(result));
  });
}

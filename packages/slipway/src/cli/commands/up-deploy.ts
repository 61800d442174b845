import path from 'node:path';
import pc from 'picocolors';
import { synthesizedStacks } from '../../deploy/assembly.js';
import { type DeployResult, deployEnvironment, prepareDeploy } from '../../deploy/index.js';
import type { AppModel } from '../../model/types.js';
import { hasUnacknowledgedErrors } from '../../plan/findings.js';
import { planTemplates } from '../../plan/plan-templates.js';
import { progressPrinter, reportingErrors } from '../deploy-feedback.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';
import { renderDeploy } from '../render/deploy.js';
import { renderPlan } from '../render/plan.js';

export interface UpDeployOptions {
  /** Where the templates (the deploy's cloud assembly) are written. */
  readonly out: string;
  /** The running emulator's state folder. */
  readonly stateDir: string;
}

/**
 * `slipway up`'s plan and deploy, from one synth: the model is synthesized as the emulator takes
 * it (every account mapped to its one account, a configured certificate replaced by its stand-in),
 * checked and priced, and that same assembly is deployed unless an error finding is open. The
 * templates differ from `slipway plan`'s only in those account numbers and certificate ARNs, which
 * neither the checks nor the prices read. The deploy's result, or undefined when it stopped (the
 * exit code is set).
 */
export async function planAndDeployUp(
  model: AppModel,
  envName: string,
  options: UpDeployOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<DeployResult | undefined> {
  let result: DeployResult | undefined;
  const out = path.resolve(options.out);
  await reportingErrors(io, setExit, async () => {
    const prepared = await prepareDeploy(model, envName, {
      target: 'local',
      stateDir: options.stateDir,
      onEvent: progressPrinter(io),
      outdir: out,
    });
    const { session, app } = prepared;
    // The deploy disposes the assembly once it has it; until then it is this function's to dispose.
    let handedOver = false;
    try {
      const plan = planTemplates(
        { ...session.model, environments: [session.environment] },
        synthesizedStacks(app),
        app.findings,
        { outdir: out, checks: true, onStep: io.progress ? progressReporter(io.progress) : undefined },
      );
      io.out(renderPlan(plan, options.out));
      if (hasUnacknowledgedErrors(plan)) {
        io.err(
          `${pc.red('✗')} Not deploying ${envName}: fix or acknowledge the error findings above first.\n`,
        );
        setExit(ExitCode.findings);
        return;
      }
      handedOver = true;
      result = await deployEnvironment(model, envName, { prepared, command: `slipway up --env ${envName}` });
    } finally {
      if (!handedOver) await app.assembly.dispose();
    }
    io.out(`\n${renderDeploy(result)}\n`);
  });
  return result;
}

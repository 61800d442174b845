import pc from 'picocolors';
import { allFindings, hasUnacknowledgedErrors } from '../../plan/findings.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { planFromOptions } from '../plan-from-options.js';
import { findingCounts, findingsTable } from '../render/findings.js';
import type { CheckCommandOptions } from './check.js';

/** What `slipway check` does; loaded only when it runs, since it synthesizes and runs cdk-nag. */
export async function runCheckCommand(
  options: CheckCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  const plan = await planFromOptions(options, io, { cost: false });
  const findings = allFindings(plan);
  if (options.json) {
    io.out(`${JSON.stringify({ app: plan.app, findings }, null, 2)}\n`);
  } else {
    const shown = options.acknowledged ? findings : findings.filter((f) => !f.acknowledged);
    const lines = [pc.bold(`${plan.app} · security checks`), `${findingCounts(findings)}`, ''];
    if (shown.length > 0) lines.push(findingsTable(shown), '');
    if (!options.acknowledged && shown.length < findings.length) {
      lines.push(pc.dim('Acknowledged findings are hidden; --acknowledged lists them with their reasons.'));
    }
    io.out(`${lines.join('\n')}\n`);
  }
  setExit(hasUnacknowledgedErrors(plan) ? ExitCode.findings : ExitCode.ok);
}

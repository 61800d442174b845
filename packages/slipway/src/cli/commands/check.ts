import { Command, Option } from 'commander';
import pc from 'picocolors';
import { allFindings, hasUnacknowledgedErrors } from '../../plan/findings.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { planFromOptions } from '../plan-from-options.js';
import { findingCounts, findingsTable } from '../render/findings.js';
import { addConfigOptions, addOutOption, type ConfigOptions } from '../shared-options.js';

interface CheckCommandOptions extends ConfigOptions {
  readonly out: string;
  readonly acknowledged: boolean;
}

export function checkCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('check')
    .description(
      'run the security checks (cdk-nag AwsSolutions and Slipway rules, and AWS Control Tower controls when checks.controlTower is on) on every stack',
    )
    .addOption(
      new Option('--acknowledged', 'also list acknowledged findings with their reasons').default(false),
    )
    .addHelpText('after', '\nExit codes: 0 clean, 1 unacknowledged error findings, 2 config or usage error.');
  addOutOption(addConfigOptions(command)).action(async (options: CheckCommandOptions) => {
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
  });
  return command;
}

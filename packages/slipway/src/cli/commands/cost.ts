import { Command } from 'commander';
import pc from 'picocolors';
import { formatUsd } from '../../cost/format.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { planFromOptions } from '../plan-from-options.js';
import { costTable } from '../render/cost.js';
import { addConfigOptions, addOutOption, type ConfigOptions } from '../shared-options.js';

interface CostCommandOptions extends ConfigOptions {
  readonly out: string;
}

export function costCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('cost')
    .description('estimate what each environment costs per month, line by line, from bundled AWS list prices')
    .addHelpText(
      'after',
      '\nThe estimate prices the synthesized templates, with the usage assumptions in the config (usage: {...}).',
    );
  addOutOption(addConfigOptions(command)).action(async (options: CostCommandOptions) => {
    const plan = await planFromOptions(options, io, { checks: false });
    if (options.json) {
      const environments = plan.environments.map((e) => ({
        name: e.name,
        region: e.region,
        monthlyCostUsd: e.monthlyCostUsd,
        costItems: e.costItems,
      }));
      io.out(
        `${JSON.stringify({ app: plan.app, shared: { monthlyCostUsd: plan.shared.monthlyCostUsd, costItems: plan.shared.costItems }, environments }, null, 2)}\n`,
      );
    } else {
      const lines: string[] = [pc.bold(`${plan.app} · monthly cost estimate`), ''];
      for (const env of plan.environments) {
        lines.push(
          pc.bold(`${env.name}  ${env.region}  ${formatUsd(env.monthlyCostUsd)} / month`),
          costTable(env.costItems),
          '',
        );
      }
      lines.push(
        pc.bold(`shared  ${formatUsd(plan.shared.monthlyCostUsd)} / month`),
        costTable(plan.shared.costItems),
        '',
      );
      lines.push(pc.dim('List prices, no free tier, no tax, no data transfer beyond the usage assumptions.'));
      io.out(`${lines.join('\n')}\n`);
    }
    setExit(ExitCode.ok);
  });
  return command;
}

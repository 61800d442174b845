import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { addConfigOptions, type ConfigOptions, DEFAULT_OUT } from '../shared-options.js';
import { addTargetOptions, type TargetOptions } from '../target-options.js';

// The command's options only: what it does is in report-run.ts, loaded when it runs.

export interface ReportCommandOptions extends ConfigOptions, TargetOptions {
  readonly out: string;
  readonly templates: string;
  readonly fromPlan?: string;
  readonly against?: string;
}

export const DEFAULT_REPORT = 'slipway-report.html';

export function reportCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('report')
    .description(
      'the plan as one offline HTML page: each environment drawn from its templates, the cost, the findings and what changes',
    )
    .addOption(new Option('-o, --out <file>', 'the HTML file to write').default(DEFAULT_REPORT))
    .addOption(new Option('--templates <dir>', 'where the plan writes its templates').default(DEFAULT_OUT))
    .addOption(
      new Option(
        '--from-plan <plan.json>',
        'draw a plan `slipway plan --json` wrote instead of planning again',
      ),
    )
    .addOption(
      new Option(
        '--against <plan.json>',
        "show what changes against an earlier plan (e.g. the main branch's), its templates beside it",
      ).conflicts('target'),
    )
    .addHelpText(
      'after',
      '\nWith --target, each environment is compared with what is deployed there (aws, or the local emulator).\n' +
        'Exit codes: 0 written, 2 config, usage or input error.',
    );
  addTargetOptions(addConfigOptions(command)).action(async (options: ReportCommandOptions) => {
    const { runReportCommand } = await import('./report-run.js');
    await runReportCommand(options, io, setExit);
  });
  return command;
}

import { Command, Option } from 'commander';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG } from '../shared-options.js';

// The command's options only: what each command does is loaded when it runs, so a pull
// request's summary step never loads the generators (and with them aws-cdk-lib).

export interface WorkflowsOptions {
  readonly config: string;
  readonly out?: string;
  readonly check: boolean;
  readonly json: boolean;
}

export const DEFAULT_WORKFLOWS_DIR = '.github/workflows';

/**
 * `slipway workflows`: writes the GitHub Actions workflows and the pull-request template the
 * config calls for; `--check` only compares (exit 1 on drift), for CI. `slipway workflows summary`
 * turns a `plan --json` file into the markdown the pull-request workflow posts.
 */
export function workflowsCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('workflows')
    .description('write the GitHub Actions workflows (pull request, build, deploy, preview) from the config')
    .addOption(new Option('-c, --config <file>', 'the Slipway config to read').default(DEFAULT_CONFIG))
    .addOption(
      new Option(
        '-o, --out <dir>',
        `the folder the workflow files are written to (default: ${DEFAULT_WORKFLOWS_DIR}; with GitLab, the repository root '.')`,
      ),
    )
    .addOption(
      new Option('--check', 'write nothing; exit 1 when the files differ from the config').default(false),
    )
    .addOption(
      new Option('--json', 'print one JSON document on stdout instead of the summary').default(false),
    )
    .addHelpText(
      'after',
      '\nThe pull-request template goes into the parent of that folder (.github/pull_request_template.md' +
        '\nby default, where GitHub reads it).' +
        '\nExit codes: 0 written or up to date, 1 (--check) files differ, 2 config or usage error.',
    )
    .action(async (options: WorkflowsOptions) => {
      const { writeWorkflows } = await import('./workflows-write.js');
      await writeWorkflows(options, io, setExit);
    });
  command.addCommand(
    summaryCommand(io, setExit).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }),
  );
  return command;
}

function summaryCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('summary')
    .description(
      'print a `slipway plan --json` file as markdown, for $GITHUB_STEP_SUMMARY or a merge request note',
    )
    .argument('<plan-json>', 'the file `slipway plan --json` wrote')
    .option(
      '--base <plan-json>',
      "the base branch's plan: adds the cost change, new findings and resource diff against it",
    )
    .action(async (file: string, options: { base?: string }) => {
      const { readSummaryInputs } = await import('../../workflows/summary/read-plans.js');
      const { renderPlanMarkdown } = await import('../../workflows/plan-markdown.js');
      const { plan, options: markdown } = readSummaryInputs(file, options.base);
      if (plan === undefined) {
        // The plan step failed before printing (a config error): its log has the reason.
        io.out('## Slipway plan\n\n**✗ The plan did not finish.** Its step log says why.\n');
        setExit(ExitCode.ok);
        return;
      }
      io.out(renderPlanMarkdown(plan, markdown));
    });
}

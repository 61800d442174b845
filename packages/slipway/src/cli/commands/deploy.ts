import { createInterface } from 'node:readline/promises';
import { Command, Option } from 'commander';
import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { describeEvent } from '../../deploy/describe-event.js';
import { DeployError } from '../../deploy/errors.js';
import { type DeployEvent, type DeployResult, deployEnvironment, parseImageTag } from '../../deploy/index.js';
import { singleEnvironmentName } from '../../deploy/select-environment.js';
import type { StackGroup } from '../../deploy/session.js';
import type { DeployTarget } from '../../deploy/target.js';
import { LocalCloudError } from '../../local-cloud/errors.js';
import { DEFAULT_STATE_DIR } from '../../local-cloud/state-file.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import { addConfigOptions, type ConfigOptions, resolveConfigPath } from '../shared-options.js';

/** Options deploy, diff and destroy share. */
export interface TargetOptions extends ConfigOptions {
  readonly target?: DeployTarget;
  readonly stateDir: string;
}

interface DeployCommandOptions extends TargetOptions {
  readonly imageTag: string[];
  readonly allowReplace: string[];
  readonly yes: boolean;
  readonly includeCi: boolean;
  readonly only?: StackGroup;
}

const repeatable = (value: string, previous: string[] = []) => [...previous, value];

export function deployCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('deploy')
    .description(
      "deploy one environment's stacks (CI stack first when missing, then network → data → runtime → services)",
    )
    .addOption(
      new Option(
        '--image-tag <[service=]tag>',
        'deploy this image tag (for one service, or all); repeatable; overrides the config',
      )
        .argParser(repeatable)
        .default([]),
    )
    .addOption(
      new Option(
        '--allow-replace <logical id>',
        'let this stateful resource be replaced or removed; repeatable',
      )
        .argParser(repeatable)
        .default([]),
    )
    .addOption(new Option('-y, --yes', 'confirm a production deploy without asking (for CI)').default(false))
    .addOption(
      new Option(
        '--only <part>',
        'only the layer stacks (infrastructure) or only the service stacks (services)',
      ).choices(['infrastructure', 'services']),
    )
    .addOption(
      new Option(
        '--include-ci',
        'also update the shared stacks (CI, CodePipeline) when they exist and have changes',
      ).default(false),
    )
    .addHelpText(
      'after',
      '\nWithout --target: aws when AWS credentials are configured, local (the emulator on this machine) otherwise.\n' +
        'Exit codes: 0 deployed, 1 refused (an error finding is not acknowledged, or a stateful resource would be replaced, removed or moved to another network), 2 usage or setup error, 4 a stack failed.',
    );
  addTargetOptions(addConfigOptions(command)).action(async (options: DeployCommandOptions) => {
    await reportingErrors(io, setExit, async () => {
      const model = await loadConfig(resolveConfigPath(options.config));
      const envName = singleEnvironmentName(model, options.env, 'deploy');
      const result = await deployEnvironment(model, envName, {
        target: options.target,
        imageTags: options.imageTag.map(parseImageTag),
        allowReplace: options.allowReplace,
        yes: options.yes,
        includeCi: options.includeCi,
        only: options.only,
        confirm: terminalConfirm(),
        stateDir: options.stateDir,
        onEvent: progressPrinter(io),
        command: retryCommand('deploy', envName, options),
      });
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderDeploy(result));
    });
  });
  return command;
}

/** `--target` and `--state-dir`, shared by deploy, diff and destroy. */
export function addTargetOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-t, --target <target>', 'where the environment lives: aws or local (the emulator)').choices(
        ['aws', 'local'],
      ),
    )
    .addOption(
      new Option(
        '--state-dir <dir>',
        'where the local emulator and synthesized assemblies keep their state',
      ).default(DEFAULT_STATE_DIR),
    );
}

/** Prints each progress event on the progress stream (stderr), when there is one. */
export function progressPrinter(io: CliIo): (event: DeployEvent) => void {
  return (event) => io.progress?.write(`${describeEvent(event)}\n`);
}

/** Runs a command's work, turning deploy and emulator errors into their message and exit code. */
export async function reportingErrors(
  io: CliIo,
  setExit: (code: number) => void,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DeployError) {
      io.err(`${pc.red('✗')} ${error.message}\n`);
      setExit(error.exitCode);
    } else if (error instanceof LocalCloudError) {
      io.err(`${pc.red('✗')} ${error.message}\n`);
      setExit(error.problem === 'start-failed' ? 4 : 2);
    } else {
      throw error;
    }
  }
}

/** A yes/no question on the terminal, or nothing when stdin is not one (CI, pipes, tests). */
export function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await prompt.question(question)).trim());
    } finally {
      prompt.close();
    }
  };
}

export function retryCommand(action: string, envName: string, options: TargetOptions): string {
  const parts = ['slipway', action, '--env', envName];
  if (options.config !== 'slipway.config.ts') parts.push('--config', options.config);
  if (options.target) parts.push('--target', options.target);
  if (options.stateDir !== DEFAULT_STATE_DIR) parts.push('--state-dir', options.stateDir);
  return parts.join(' ');
}

export function renderDeploy(result: DeployResult): string {
  const where = result.target === 'local' ? `the local emulator (${result.endpoint})` : 'AWS';
  const lines = [pc.bold(`${result.app} ${result.environment} · deployed to ${where}`), ''];
  lines.push(
    renderTable(
      ['stack', 'result', 'time'],
      result.stacks.map((s) => [s.name, s.action, `${s.seconds.toFixed(1)} s`]),
      ['left', 'left', 'right'],
    ),
  );
  for (const name of result.skipped)
    lines.push(pc.dim(`${name}: exists, left as deployed (shared by every environment)`));
  const outputs = result.stacks.flatMap((s) =>
    Object.entries(s.outputs).map(([key, value]) => [s.name, key, value]),
  );
  if (outputs.length > 0)
    lines.push('', pc.bold('Outputs'), renderTable(['stack', 'output', 'value'], outputs));
  if (result.provisioned.length > 0) {
    lines.push('', pc.bold('Database roles'));
    for (const run of result.provisioned) {
      lines.push(
        `  ${run.databaseName}: role ${run.roleName} ${run.ran ? `ensured in ${run.seconds.toFixed(0)} s` : 'recorded (the emulator starts no task)'}`,
      );
    }
  }
  if (result.accountMappings.length > 0) {
    const mapped = result.accountMappings.map((m) => `${m.from} (${m.usedBy.join(', ')})`).join(', ');
    lines.push(
      '',
      `Accounts: the emulator has one account, so ${mapped} became ${result.accountMappings[0]?.to}.`,
    );
  }
  for (const c of result.certificateStandIns) {
    lines.push(
      '',
      `Certificates: the emulator has no ${c.configured}; a self-signed certificate for ${c.domain} stands in for it (${c.standIn}).`,
    );
  }
  if (result.emulatorLimits.length > 0) {
    lines.push('', 'The emulator records these resources but does not run them:');
    for (const limit of result.emulatorLimits) lines.push(`  - ${limit}`);
  }
  lines.push('', pc.green(`✓ ${result.stacks.length} stacks deployed.`));
  return `${lines.join('\n')}\n`;
}

import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import {
  type ChangeAction,
  diffEnvironment,
  type EnvironmentDiff,
  parseImageTag,
} from '../../deploy/index.js';
import { endangersData } from '../../deploy/resource-change.js';
import { describePrivateNameChange } from '../../deploy/discovery-guard.js';
import { describeMove } from '../../deploy/network-moves.js';
import { MOVE_EXPLAINED, MOVE_SAFE_PATH } from '../../deploy/replacement-guard.js';
import { singleEnvironmentName } from '../../deploy/select-environment.js';
import { progressPrinter, reportingErrors } from '../deploy-feedback.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import { resolveConfigPath } from '../shared-options.js';
import type { DiffCommandOptions } from './diff.js';

/** What `slipway diff` does; loaded only when it runs, since it synthesizes and reads the stacks. */
export async function runDiffCommand(
  options: DiffCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  await reportingErrors(io, setExit, async () => {
    const model = await loadConfig(resolveConfigPath(options.config));
    const envName = singleEnvironmentName(model, options.env, 'diff');
    const diff = await diffEnvironment(model, envName, {
      target: options.target,
      imageTags: options.imageTag.map(parseImageTag),
      allowReplace: options.allowReplace,
      only: options.only,
      stateDir: options.stateDir,
      onEvent: progressPrinter(io),
    });
    if (options.json) {
      const { app, environment, target, stacks } = diff;
      io.out(`${JSON.stringify({ app, environment, target, stacks }, null, 2)}\n`);
    } else {
      io.out(renderDiff(diff, envName));
    }
    const refused =
      diff.stateful.some((c) => !c.allowed) || diff.privateNames.some((c) => c.guarded && !c.allowed);
    setExit(refused ? 1 : 0);
  });
}

const MARK: Record<ChangeAction, string> = { add: '+', modify: '~', replace: '±', remove: '-' };

function renderDiff(diff: EnvironmentDiff, envName: string): string {
  const lines = [pc.bold(`${diff.app} ${diff.environment} · diff against ${diff.target}`), ''];
  for (const stack of diff.stacks) {
    if (stack.changes.length === 0) {
      lines.push(`${pc.bold(stack.name)}  ${pc.dim('no changes')}`);
      continue;
    }
    lines.push(pc.bold(stack.name));
    const rows = stack.changes.map((c) => {
      const flagged = endangersData(c);
      const paint = flagged
        ? pc.red
        : c.action === 'add'
          ? pc.green
          : c.action === 'modify'
            ? pc.yellow
            : pc.red;
      return [
        paint(`${MARK[c.action]} ${c.action}`),
        c.logicalId,
        c.type,
        flagged ? pc.red('STATEFUL') : c.stateful ? 'stateful' : '',
        [c.moves ? `moves to ${describeMove(c.moves)}` : '', c.reason ?? ''].filter(Boolean).join('; '),
      ];
    });
    lines.push(renderTable(['action', 'resource', 'type', 'data', 'why'], rows).replace(/^/gm, '  '), '');
  }
  const total = diff.stacks.reduce((n, s) => n + s.changes.length, 0);
  lines.push(
    total === 0
      ? pc.green('✓ No changes: what is deployed matches the config.')
      : `${total} changes in ${diff.stacks.filter((s) => s.changes.length > 0).length} stacks.`,
  );
  const blocked = diff.stateful.filter((c) => !c.allowed);
  if (blocked.length > 0) {
    lines.push(
      pc.red(
        `✗ ${blocked.length} stateful resource(s) would be replaced, removed or moved; \`slipway deploy\` refuses this.`,
      ),
      ...(blocked.some((c) => c.moves) ? [`  ${MOVE_EXPLAINED}`, `  ${MOVE_SAFE_PATH}`] : []),
      `  After a snapshot or backup, allow each one: slipway deploy --env ${envName} ${blocked.map((c) => `--allow-replace ${c.logicalId}`).join(' ')}`,
    );
  }
  lines.push(...renderPrivateNames(diff, envName));
  return `${lines.join('\n')}\n`;
}

/** The private names a deploy would take away for a while, their callers, and what deploy does about it. */
function renderPrivateNames(diff: EnvironmentDiff, envName: string): string[] {
  if (diff.privateNames.length === 0) return [];
  const lines = ['', pc.bold('Private names that stop resolving')];
  for (const c of diff.privateNames) {
    const mark = !c.guarded ? pc.dim('ok') : c.allowed ? pc.yellow('allowed') : pc.red('refused');
    lines.push(`  ${mark}  ${describePrivateNameChange(c)}`);
  }
  const blocked = diff.privateNames.filter((c) => c.guarded && !c.allowed);
  if (blocked.length > 0) {
    lines.push(
      pc.red(
        `✗ ${blocked.length} private name(s) would stop resolving until new tasks register; \`slipway deploy\` refuses this.`,
      ),
      `  When a few minutes without them are acceptable, allow each one: slipway deploy --env ${envName} ${blocked.map((c) => `--allow-replace ${c.host}`).join(' ')}`,
    );
  }
  return lines;
}

import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { formatUsd } from '../../cost/format.js';
import { parseImageTag } from '../../deploy/index.js';
import type { AppModel } from '../../model/types.js';
import {
  type DeployedPreview,
  estimatePreviewCost,
  listPreviews,
  parseDuration,
  type PreviewDownResult,
  previewDown,
  type PreviewUpResult,
  previewUp,
  prunePreviews,
} from '../../preview/index.js';
import { needsLoadBalancer } from '../../stacks/runtime/ecs/shared-load-balancer.js';
import { progressPrinter, reportingErrors } from '../deploy-feedback.js';
import type { CliIo } from '../io.js';
import { renderPairs, renderTable } from '../render/table.js';
import { resolveConfigPath } from '../shared-options.js';
import type { PreviewOptions } from './preview.js';

// What `slipway preview up|down|list|prune` do; loaded only when one runs, since each deploys or
// reads stacks through the CDK toolkit.

type PreviewAction = (options: PreviewOptions, io: CliIo, setExit: (code: number) => void) => Promise<void>;

const model = (options: PreviewOptions): Promise<AppModel> => loadConfig(resolveConfigPath(options.config));
const session = (options: PreviewOptions, io: CliIo) => ({
  target: options.target,
  stateDir: options.stateDir,
  onEvent: progressPrinter(io),
});

/** `slipway preview up`: brings the branch's preview up or updates it. */
export const runPreviewUp: PreviewAction = (options, io, setExit) =>
  reportingErrors(io, setExit, async () => {
    const result = await previewUp(await model(options), {
      ...session(options, io),
      branch: options.branch,
      imageTags: options.imageTag.map(parseImageTag),
      branchImages: options.branchImages,
    });
    io.out(options.json ? `${JSON.stringify(upJson(result), null, 2)}\n` : renderUp(result));
  });

/** `slipway preview down`: takes the branch's preview down. */
export const runPreviewDown: PreviewAction = (options, io, setExit) =>
  reportingErrors(io, setExit, async () => {
    const result = await previewDown(await model(options), {
      ...session(options, io),
      branch: options.branch,
    });
    io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderDown(result));
  });

/** `slipway preview list`: the previews deployed now. */
export const runPreviewList: PreviewAction = (options, io, setExit) =>
  reportingErrors(io, setExit, async () => {
    const app = await model(options);
    const previews = await listPreviews(app, session(options, io));
    const usdPerHour = estimatePreviewCost(app)?.usdPerHour ?? null;
    if (options.json) {
      io.out(`${JSON.stringify({ previews: previews.map((p) => ({ ...p, usdPerHour })) }, null, 2)}\n`);
    } else {
      io.out(renderList(previews, usdPerHour));
    }
  });

/** `slipway preview prune`: takes down the previews not deployed for too long. */
export const runPreviewPrune: PreviewAction = (options, io, setExit) =>
  reportingErrors(io, setExit, async () => {
    const result = await prunePreviews(await model(options), {
      ...session(options, io),
      olderThanMs: parseDuration(options.olderThan),
      dryRun: options.dryRun,
    });
    if (options.json) {
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const verb = options.dryRun ? 'would remove' : 'removed';
    const lines = result.stale.map((p) => `  ${p.stackName}  (${p.branch}, last deployed ${p.updatedAt})`);
    io.out(
      `${result.stale.length === 0 ? 'No preview is older than' : `${pc.green('✓')} ${verb} ${result.stale.length} previews older than`} ${options.olderThan}; ${result.kept.length} kept.\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
    );
  });

function upJson(result: PreviewUpResult) {
  const { plan, ...rest } = result;
  return {
    slug: plan.slug,
    branch: plan.branch,
    stackName: plan.stackName,
    environment: plan.source.name,
    port: plan.port,
    createdAt: plan.createdAt,
    databases: plan.databases,
    ...rest,
  };
}

function renderUp(result: PreviewUpResult): string {
  const { plan } = result;
  const lines = [
    pc.bold(
      `${plan.app} preview ${plan.slug} · ${result.action} in ${plan.source.name} (${result.target === 'local' ? 'local emulator' : 'AWS'})`,
    ),
    '',
    renderPairs([
      ['branch', plan.branch],
      ['stack', plan.stackName],
      [
        'address',
        result.url ??
          (needsLoadBalancer(plan.environment)
            ? '(see the stack output Url)'
            : 'none: no service is public, so the preview has no listener'),
      ],
      ['databases', plan.databases.map((d) => `${d.databaseName} (role ${d.roleName})`).join(', ') || 'none'],
      [
        'services',
        plan.environment.services.map((s) => `${s.name} (${s.image.repository}:${s.image.tag})`).join(', '),
      ],
      [
        'cost',
        result.usdPerHour === null
          ? 'not priced: the region has no bundled prices'
          : `${formatUsd(result.usdPerHour, 4)} / hour on Fargate Spot`,
      ],
    ]),
  ];
  if (result.emulatorLimits.length > 0) {
    lines.push('', 'The emulator records these resources but does not run them:');
    for (const limit of result.emulatorLimits) lines.push(`  - ${limit}`);
  }
  lines.push(
    '',
    pc.green(`✓ Preview up in ${result.seconds.toFixed(1)} s.`) +
      ` Take it down with \`slipway preview down --branch ${JSON.stringify(plan.branch)}\`.`,
  );
  return `${lines.join('\n')}\n`;
}

function renderDown(result: PreviewDownResult): string {
  const parts = [
    result.stackDeleted ? `stack ${result.stackName} deleted` : `no stack ${result.stackName} was deployed`,
    ...result.dropped.map(
      (d) =>
        `database ${d.databaseName} and role ${d.roleName} ${d.ran ? 'dropped' : 'drop recorded (the emulator runs no containers)'}`,
    ),
  ];
  return `${pc.green('✓')} Preview ${result.slug} down: ${parts.join('; ')}.\n`;
}

function renderList(previews: readonly DeployedPreview[], usdPerHour: number | null): string {
  if (previews.length === 0) return 'No previews are deployed.\n';
  const now = Date.now();
  const table = renderTable(
    ['preview', 'branch', 'status', 'address', 'created', 'last deploy', 'cost / hour'],
    previews.map((p) => [
      p.slug,
      p.branch,
      p.status,
      p.url ?? '',
      age(now - Date.parse(p.createdAt)),
      age(now - Date.parse(p.updatedAt)),
      usdPerHour === null ? 'not priced' : formatUsd(usdPerHour, 4),
    ]),
    ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
  );
  if (usdPerHour === null)
    return `${table}\n${previews.length} previews; their region has no bundled prices.\n`;
  const total = formatUsd(usdPerHour * previews.length, 4);
  return `${table}\n${previews.length} previews, about ${total} / hour together.\n`;
}

function age(ms: number): string {
  const hours = ms / 3_600_000;
  if (!Number.isFinite(hours)) return '?';
  if (hours < 1) return `${Math.max(0, Math.round(ms / 60_000))} min ago`;
  if (hours < 48) return `${Math.round(hours)} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

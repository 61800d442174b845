import path from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { parseImageTag } from '../../deploy/image-tags.js';
import { planGitopsFolder, type GitopsFolderPlan } from '../../kubernetes/gitops-folder.js';
import { writeManifests } from '../../kubernetes/write-manifests.js';
import { UnknownEnvironmentError } from '../../plan/errors.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { findingsTable } from '../render/findings.js';
import { renderTable } from '../render/table.js';
import { resolveConfigPath } from '../shared-options.js';
import type { ManifestsOptions } from './manifests.js';

/** What `slipway manifests` does; loaded only when it runs, since it builds the Kubernetes objects. */
export async function runManifestsCommand(
  options: ManifestsOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  const model = await loadConfig(resolveConfigPath(options.config));
  const known = model.environments.map((e) => e.name);
  const unknown = options.env.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UnknownEnvironmentError(unknown, known);
  const root = path.resolve(options.root);
  const overrides = options.imageTag.map(parseImageTag);
  const plans = model.environments
    .filter((env) => env.runtime === 'eks' && (options.env.length === 0 || options.env.includes(env.name)))
    .map((env) => planGitopsFolder(model, env, root, overrides));

  const blocking = plans.flatMap((p) => p.findings.filter((f) => f.level === 'error' && !f.acknowledged));
  const drift = plans.flatMap((p) => p.changes.filter((c) => c.change !== 'unchanged'));
  const write = !options.check && blocking.length === 0;
  if (write) for (const plan of plans) writeManifests(root, plan.files);

  if (options.json) {
    io.out(
      `${JSON.stringify({ app: model.app, root, written: write, environments: plans.map(toJson) }, null, 2)}\n`,
    );
  } else {
    io.out(render(model.app, plans, { write, check: options.check, blocking: blocking.length }));
  }
  if (blocking.length > 0) setExit(ExitCode.findings);
  else setExit(options.check && drift.length > 0 ? ExitCode.findings : ExitCode.ok);
}

function toJson(plan: GitopsFolderPlan) {
  return {
    environment: plan.environment,
    folder: plan.folder,
    changes: plan.changes,
    findings: plan.findings,
  };
}

function render(
  app: string,
  plans: readonly GitopsFolderPlan[],
  state: { readonly write: boolean; readonly check: boolean; readonly blocking: number },
): string {
  const lines = [pc.bold(`${app} · manifests`), ''];
  if (plans.length === 0) {
    lines.push('No environment runs on EKS: there is no GitOps folder to write.');
    return `${lines.join('\n')}\n`;
  }
  for (const plan of plans) {
    const changed = plan.changes.filter((c) => c.change !== 'unchanged');
    lines.push(
      `${pc.bold(plan.environment)}  ${plan.folder}/  ${plan.files.length} files, ${changed.length} to change`,
    );
    if (changed.length > 0) {
      lines.push(
        renderTable(
          ['file', 'change'],
          changed.map((c) => [c.path, c.change]),
        ),
      );
    }
    const findings = plan.findings.filter((f) => !f.acknowledged);
    if (findings.length > 0) lines.push('', findingsTable(findings));
    lines.push('');
  }
  if (state.blocking > 0) {
    lines.push(
      pc.red(
        `✗ ${state.blocking} error findings in the objects: nothing was written. Fix them in the config.`,
      ),
    );
  } else if (state.check) {
    const differs = plans.some((p) => p.changes.some((c) => c.change !== 'unchanged'));
    lines.push(
      differs
        ? pc.red('✗ The folder differs from the config: run slipway manifests and commit it.')
        : pc.green('✓ The folder matches the config.'),
    );
  } else if (state.write) {
    lines.push(pc.green('✓ Written. Commit the folder: Argo CD syncs it from the repository.'));
  }
  return `${lines.join('\n')}\n`;
}

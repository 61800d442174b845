import { parse } from 'yaml';
import type { AppModel } from '../../model/types.js';
import { gitlabOf } from '../../model/ci-host.js';
import { previewDeployRoleArn, previewPushRoleArn, workflowContext } from '../context.js';
import type { WorkflowRuleContext } from '../rules/types.js';
import type { GeneratedFile } from '../generate.js';
import { checkGitlabPipeline } from './rules/index.js';
import { gitlabPipeline } from './gitlab-pipeline.js';
import type { GitlabPipelineFile } from './pipeline-types.js';
import { GITLAB_CI_FILE, renderGitlabPipeline } from './render.js';

/** The one file GitLab reads, `.gitlab-ci.yml`, for a model with `delivery.ci: 'gitlab'`. Pure. */
export function generateGitlabPipeline(model: AppModel, configPath: string): GeneratedFile[] {
  const ctx = workflowContext(model, configPath);
  return [{ path: GITLAB_CI_FILE, content: renderGitlabPipeline(gitlabPipeline(ctx), configPath) }];
}

export function parseGitlabPipeline(path: string, text: string): GitlabPipelineFile {
  return { path, text, document: parse(text) as Record<string, unknown> };
}

/** Findings of Slipway's GitLab rules over the generated files, production named by the model. */
export function gitlabFindings(model: AppModel, files: readonly GeneratedFile[]) {
  const context = gitlabRuleContext(model);
  return files
    .filter((file) => file.path === GITLAB_CI_FILE)
    .flatMap((file) => checkGitlabPipeline(parseGitlabPipeline(file.path, file.content), context));
}

/** What the GitLab rules learn from the model: production, and where previews may run with which roles. */
export function gitlabRuleContext(model: AppModel): WorkflowRuleContext {
  const production = model.environments.filter((e) => e.production).map((e) => e.name);
  const preview = model.delivery?.preview;
  return {
    productionEnvironments: production,
    ...(preview === undefined
      ? {}
      : {
          gitlabPreview: {
            branches: preview.branches,
            mainBranch: gitlabOf(model).mainBranch,
            roles: [previewPushRoleArn(model), previewDeployRoleArn(model)],
          },
        }),
  };
}

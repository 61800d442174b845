import { stringify } from 'yaml';
import { GENERATED_MARKER } from '../render.js';
import type { GitlabPipeline } from './pipeline-types.js';

/** Where GitLab reads the pipeline: the repository root. */
export const GITLAB_CI_FILE = '.gitlab-ci.yml';

/** The pipeline as YAML, with the same header as the GitHub workflows; jobs at the top level. */
export function renderGitlabPipeline(pipeline: GitlabPipeline, configPath: string): string {
  const { jobs, ...globals } = pipeline;
  const header = [
    `${GENERATED_MARKER} from ${configPath}. Do not edit by hand:`,
    '# change the config, run `slipway workflows`, and commit the result (`--check` in CI catches drift).',
  ];
  const body = stringify({ ...globals, ...jobs }, { lineWidth: 0, indent: 2, aliasDuplicateObjects: false });
  return `${header.join('\n')}\n${body}`;
}

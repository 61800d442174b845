import { jobsOfPipeline } from '../pipeline-types.js';
import type { WorkflowProblem } from '../../rules/types.js';
import { scriptOf } from './support.js';
import type { GitlabRule } from './types.js';

const KEYS = /\bAWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)\b/;

/** SECURITY.md 12: no stored AWS keys; every job gets short-lived credentials from its ID token. */
export const noLongLivedKeys: GitlabRule = {
  id: 'Slipway-GLCI3',
  description: 'No AWS access key, secret key or session token appears in variables or scripts.',
  check(file) {
    const problems: WorkflowProblem[] = [];
    const globals = Object.keys((file.document.variables as Record<string, unknown> | undefined) ?? {});
    for (const name of globals.filter((n) => KEYS.test(n))) {
      problems.push({
        message: `the pipeline sets ${name}`,
        fix: 'remove it: jobs assume roles through OIDC',
      });
    }
    for (const [id, job] of jobsOfPipeline(file.document)) {
      const names = Object.keys(job.variables ?? {}).filter((n) => KEYS.test(n));
      const lines = scriptOf(job).filter((line) => KEYS.test(line));
      if (names.length > 0 || lines.length > 0) {
        problems.push({
          job: id,
          message: 'the job handles AWS keys',
          fix: 'assume a role with the job ID token (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE) instead',
        });
      }
    }
    return problems;
  },
};

import type { GitlabModel } from '../../model/types.js';
import { gitlabAudience } from '../../stacks/ci/gitlab-oidc.js';
import { ID_TOKEN_VARIABLE, TOKEN_FILE } from './scripts.js';

/** The variables and token a job needs to assume one role: the SDK and CLI do the exchange. */
export function assumeRole(gitlab: GitlabModel, roleArn: string, region: string, sessionName: string) {
  return {
    variables: {
      AWS_ROLE_ARN: roleArn,
      AWS_ROLE_SESSION_NAME: sessionName.slice(0, 64),
      AWS_WEB_IDENTITY_TOKEN_FILE: TOKEN_FILE,
      AWS_REGION: region,
    },
    id_tokens: { [ID_TOKEN_VARIABLE]: { aud: gitlabAudience(gitlab) } },
  };
}

import { asList, property, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { GITHUB_OIDC_HOST, GITHUB_OIDC_URL, STS_AUDIENCE } from './github-oidc.js';

export const iamGithubOidcProvider: SlipwayRule = {
  id: 'Slipway-IAM4',
  level: 'error',
  description: `A GitHub OIDC provider must use ${GITHUB_OIDC_URL} with ${STS_AUDIENCE} as its only client id.`,
  check(resource) {
    if (resource.Type !== 'AWS::IAM::OIDCProvider') return 'not-applicable';
    const url = property(resource, 'Url');
    if (!JSON.stringify(url ?? '').includes(GITHUB_OIDC_HOST)) return 'not-applicable';
    const problems: string[] = [];
    if (url !== GITHUB_OIDC_URL) problems.push(`Url is ${show(url)}`);
    const clients = asList(property(resource, 'ClientIdList'));
    if (clients.length !== 1 || clients[0] !== STS_AUDIENCE)
      problems.push(`ClientIdList is ${show(clients)}`);
    return problems.length === 0 ? 'compliant' : violation(problems.join(', '));
  },
};

import type { CfnTemplate } from '../../../template/types.js';
import { isAllow, type PolicyStatement, statementsOf } from '../support/policy-documents.js';
import { referencedResource } from '../support/references.js';
import { asList, isRecord, property, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { GITHUB_OIDC_HOST, STS_AUDIENCE } from './github-oidc.js';

const AUDIENCE_KEY = `${GITHUB_OIDC_HOST}:aud`;
const SUBJECT_KEY = `${GITHUB_OIDC_HOST}:sub`;

/** `repo:<owner>/<repo>:<context>`. */
const SUBJECT = /^repo:([^/:]+)\/([^/:]+):(.+)$/;
/** The context must pin a branch, tag or GitHub environment (or be the pull-request subject). */
const PINNED_CONTEXT = /^(?:(?:ref:refs\/(?:heads|tags)\/|environment:)(.+)|pull_request)$/;
const WILDCARD = /[*?]/;

function trustsGithub(statement: PolicyStatement, template: CfnTemplate): boolean {
  if (!asList(statement.Action).includes('sts:AssumeRoleWithWebIdentity')) return false;
  const federated = isRecord(statement.Principal) ? statement.Principal.Federated : undefined;
  const provider = referencedResource(template, federated);
  return (
    JSON.stringify(federated ?? '').includes(GITHUB_OIDC_HOST) ||
    JSON.stringify(provider?.resource.Properties?.Url ?? '').includes(GITHUB_OIDC_HOST) ||
    JSON.stringify(statement.Condition ?? '').includes(GITHUB_OIDC_HOST)
  );
}

function subjectProblem(subject: unknown): string | undefined {
  const expected =
    'expected repo:<owner>/<repo>:environment:<name> or repo:<owner>/<repo>:ref:refs/heads/<branch>';
  if (typeof subject !== 'string') return `sub ${show(subject)} is not a literal string`;
  const match = SUBJECT.exec(subject);
  if (match === null) return `sub "${subject}" does not name one repository (${expected})`;
  const [, owner = '', repository = '', context = ''] = match;
  if (WILDCARD.test(owner) || WILDCARD.test(repository))
    return `sub "${subject}" has a wildcard in the owner or repository`;
  const pinned = PINNED_CONTEXT.exec(context);
  if (pinned === null || /^[*?]+$/.test(pinned[1] ?? 'pull_request')) {
    return `sub "${subject}" does not pin a branch, tag or environment (${expected})`;
  }
  return undefined;
}

function statementProblems(statement: PolicyStatement): string[] {
  const condition = isRecord(statement.Condition) ? statement.Condition : {};
  const equals = isRecord(condition.StringEquals) ? condition.StringEquals : {};
  const like = isRecord(condition.StringLike) ? condition.StringLike : {};
  const problems: string[] = [];

  // ForAllValues: is true when the claim is absent, so it lets tokens without the claim through.
  for (const operator of Object.keys(condition).filter((key) => key.startsWith('ForAllValues:'))) {
    problems.push(`condition uses ${operator}`);
  }
  const audiences = asList(equals[AUDIENCE_KEY]);
  if (audiences.length !== 1 || audiences[0] !== STS_AUDIENCE) {
    problems.push(`aud is not pinned to ${STS_AUDIENCE} with StringEquals`);
  }
  const subjects = [...asList(equals[SUBJECT_KEY]), ...asList(like[SUBJECT_KEY])];
  if (subjects.length === 0)
    problems.push('there is no sub condition, so any repository on GitHub could assume the role');
  for (const subject of subjects) {
    const problem = subjectProblem(subject);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

export const iamGithubOidcTrust: SlipwayRule = {
  id: 'Slipway-IAM3',
  level: 'error',
  description:
    'A role trusted by GitHub OIDC must pin aud to sts.amazonaws.com with StringEquals and sub to one exact repository plus a branch, tag or environment, with no ForAllValues: operator.',
  check(resource, { template }) {
    if (resource.Type !== 'AWS::IAM::Role') return 'not-applicable';
    const statements = statementsOf(property(resource, 'AssumeRolePolicyDocument')).filter(
      (statement) => isAllow(statement) && trustsGithub(statement, template),
    );
    if (statements.length === 0) return 'not-applicable';
    const problems = statements.flatMap(statementProblems);
    return problems.length === 0 ? 'compliant' : violation(problems.join('; '));
  },
};

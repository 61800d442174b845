import type { CfnTemplate } from '../../../template/types.js';
import { isAllow, type PolicyStatement, statementsOf } from '../support/policy-documents.js';
import { referencedResource } from '../support/references.js';
import { asList, isRecord, property, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { GITHUB_OIDC_HOST } from './github-oidc.js';

/** GitLab's default subject: `project_path:<group>/<project>:ref_type:<branch|tag>:ref:<name>`. */
const SUBJECT = /^project_path:([A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+):ref_type:(?:branch|tag):ref:(.+)$/;
const WILDCARD = /[*?]/;

/** The instance host a statement's condition keys name (`<host>:sub`), if any. */
function hostOf(statement: PolicyStatement): string | undefined {
  const condition = isRecord(statement.Condition) ? statement.Condition : {};
  for (const block of Object.values(condition)) {
    if (!isRecord(block)) continue;
    const key = Object.keys(block).find((k) => k.endsWith(':sub') || k.endsWith(':aud'));
    if (key !== undefined) return key.slice(0, key.lastIndexOf(':'));
  }
  return undefined;
}

function trustsGitlab(statement: PolicyStatement, template: CfnTemplate): boolean {
  if (!asList(statement.Action).includes('sts:AssumeRoleWithWebIdentity')) return false;
  const federated = isRecord(statement.Principal) ? statement.Principal.Federated : undefined;
  const url = JSON.stringify(referencedResource(template, federated)?.resource.Properties?.Url ?? '');
  const text = JSON.stringify([federated, statement.Condition]);
  if (text.includes(GITHUB_OIDC_HOST) || url.includes(GITHUB_OIDC_HOST)) return false;
  return text.includes('project_path:') || /gitlab/i.test(url) || /gitlab/i.test(JSON.stringify(federated));
}

function statementProblems(statement: PolicyStatement): string[] {
  const condition = isRecord(statement.Condition) ? statement.Condition : {};
  const equals = isRecord(condition.StringEquals) ? condition.StringEquals : {};
  const problems: string[] = [];
  for (const operator of Object.keys(condition).filter((key) => key !== 'StringEquals')) {
    problems.push(`condition uses ${operator}; only StringEquals pins exact values`);
  }
  const host = hostOf(statement);
  if (host === undefined)
    return [...problems, 'there is no aud or sub condition, so any GitLab project could assume the role'];
  const audiences = asList(equals[`${host}:aud`]);
  if (audiences.length !== 1 || audiences[0] !== `https://${host}`) {
    problems.push(`aud is not pinned to https://${host} with StringEquals`);
  }
  const subjects = asList(equals[`${host}:sub`]);
  if (subjects.length === 0)
    problems.push('there is no StringEquals sub condition, so any project could assume the role');
  for (const subject of subjects) {
    const match = typeof subject === 'string' ? SUBJECT.exec(subject) : null;
    if (match === null) {
      problems.push(
        `sub ${show(subject)} is not project_path:<group>/<project>:ref_type:<branch|tag>:ref:<name>`,
      );
    } else if (WILDCARD.test(subject as string)) {
      problems.push(`sub "${String(subject)}" has a wildcard`);
    }
  }
  return problems;
}

export const iamGitlabOidcTrust: SlipwayRule = {
  id: 'Slipway-IAM5',
  level: 'error',
  description:
    'A role trusted by GitLab OIDC must pin aud to the instance URL and sub to one exact project, ref type and ref, all with StringEquals and no other operator.',
  check(resource, { template }) {
    if (resource.Type !== 'AWS::IAM::Role') return 'not-applicable';
    const statements = statementsOf(property(resource, 'AssumeRolePolicyDocument')).filter(
      (statement) => isAllow(statement) && trustsGitlab(statement, template),
    );
    if (statements.length === 0) return 'not-applicable';
    const problems = statements.flatMap(statementProblems);
    return problems.length === 0 ? 'compliant' : violation(problems.join('; '));
  },
};

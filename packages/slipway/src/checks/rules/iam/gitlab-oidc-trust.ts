import type { CfnTemplate } from '../../../template/types.js';
import { isAllow, type PolicyStatement, statementsOf } from '../support/policy-documents.js';
import { referencedResource } from '../support/references.js';
import { asList, isRecord, property, show } from '../support/values.js';
import { type RuleContext, type SlipwayRule, violation } from '../types.js';
import { GITHUB_OIDC_HOST } from './github-oidc.js';
import { isTaggedPreviewRole, previewSubjectProblem } from './gitlab-preview-trust.js';
import { PREVIEW_ROLE_TAG } from './preview-role.js';

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

/**
 * The branch patterns a statement may trust by prefix: the declared preview patterns, on a role
 * tagged as a preview role; none anywhere else.
 */
type PreviewAllowance = readonly string[] | undefined;

function statementProblems(statement: PolicyStatement, preview: PreviewAllowance): string[] {
  const condition = isRecord(statement.Condition) ? statement.Condition : {};
  const equals = isRecord(condition.StringEquals) ? condition.StringEquals : {};
  const like = isRecord(condition.StringLike) && preview !== undefined ? condition.StringLike : undefined;
  const problems: string[] = [];
  for (const operator of Object.keys(condition).filter(
    (key) => key !== 'StringEquals' && !(key === 'StringLike' && like !== undefined),
  )) {
    problems.push(
      operator === 'StringLike'
        ? 'condition uses StringLike; only a preview role may trust a declared preview branch prefix (decision 023)'
        : `condition uses ${operator}; only StringEquals pins exact values`,
    );
  }
  const host = hostOf(statement);
  if (host === undefined)
    return [...problems, 'there is no aud or sub condition, so any GitLab project could assume the role'];
  const audiences = asList(equals[`${host}:aud`]);
  if (audiences.length !== 1 || audiences[0] !== `https://${host}`) {
    problems.push(`aud is not pinned to https://${host} with StringEquals`);
  }
  const subjects = asList(equals[`${host}:sub`]);
  const prefixes = like === undefined ? [] : asList(like[`${host}:sub`]);
  if (like !== undefined) {
    for (const key of Object.keys(like).filter((k) => k !== `${host}:sub`)) {
      problems.push(`StringLike names ${key}; only sub may be matched by prefix`);
    }
    if (prefixes.length > 0 && subjects.length > 0) {
      problems.push('sub is both StringEquals and StringLike in one statement; give each its own statement');
    }
    for (const subject of prefixes) {
      const problem = previewSubjectProblem(subject, preview ?? []);
      if (problem !== undefined) problems.push(problem);
    }
  }
  if (subjects.length === 0 && prefixes.length === 0)
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

/** The preview patterns this role may trust by prefix, or undefined when it may trust none. */
function previewAllowance(resource: { Properties?: unknown }, context: RuleContext): PreviewAllowance {
  const patterns = context.previewBranches ?? [];
  return patterns.length > 0 && isTaggedPreviewRole(resource.Properties, PREVIEW_ROLE_TAG)
    ? patterns
    : undefined;
}

export const iamGitlabOidcTrust: SlipwayRule = {
  id: 'Slipway-IAM5',
  level: 'error',
  description:
    'A role trusted by GitLab OIDC must pin aud to the instance URL and sub to one exact project, ref type and ref, all with StringEquals and no other operator; the one exception is a preview role, whose sub may be StringLike on a declared preview branch prefix (decision 023).',
  check(resource, context) {
    const { template } = context;
    if (resource.Type !== 'AWS::IAM::Role') return 'not-applicable';
    const statements = statementsOf(property(resource, 'AssumeRolePolicyDocument')).filter(
      (statement) => isAllow(statement) && trustsGitlab(statement, template),
    );
    if (statements.length === 0) return 'not-applicable';
    const preview = previewAllowance(resource, context);
    const problems = statements.flatMap((statement) => statementProblems(statement, preview));
    return problems.length === 0 ? 'compliant' : violation(problems.join('; '));
  },
};

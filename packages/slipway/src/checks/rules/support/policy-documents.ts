/** Reading IAM policy documents the way CloudFormation allows them to be written. */

import type { CfnResource } from '../../../template/types.js';
import { asList, isRecord } from './values.js';

export type PolicyStatement = Readonly<Record<string, unknown>>;

/** Repository and bucket policies may be given as JSON text; identity policies as objects. */
export function parsePolicy(document: unknown): unknown {
  if (typeof document !== 'string') return document;
  try {
    return JSON.parse(document);
  } catch {
    return undefined;
  }
}

export function statementsOf(document: unknown): PolicyStatement[] {
  const parsed = parsePolicy(document);
  if (!isRecord(parsed)) return [];
  return asList(parsed.Statement).filter(isRecord);
}

/** Every identity policy document a resource carries: its own, or the inline ones of a role, user or group. */
export function identityPolicyDocuments(resource: CfnResource): unknown[] {
  const properties = resource.Properties ?? {};
  switch (resource.Type) {
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
    case 'AWS::IAM::RolePolicy':
    case 'AWS::IAM::UserPolicy':
    case 'AWS::IAM::GroupPolicy':
      return [properties.PolicyDocument];
    case 'AWS::IAM::Role':
    case 'AWS::IAM::User':
    case 'AWS::IAM::Group':
      return asList(properties.Policies)
        .filter(isRecord)
        .map((policy) => policy.PolicyDocument);
    default:
      return [];
  }
}

export function isAllow(statement: PolicyStatement): boolean {
  return statement.Effect === 'Allow';
}

/** Whether a principal is everyone: `"*"` or `{"AWS": "*"}` (alone or in a list). */
export function isPublicPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal)) return false;
  return asList(principal.AWS).includes('*');
}

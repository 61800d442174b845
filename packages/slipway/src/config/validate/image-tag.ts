import { type ConfigIssue, issue } from '../errors.js';

/** Docker/ECR tag rules: up to 128 characters, not starting with '.' or '-'. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** The issue for a tag ECR would refuse, or nothing. */
export function checkImageTag(path: string, tag: string | undefined): ConfigIssue[] {
  if (tag === undefined || TAG.test(tag)) return [];
  return [
    issue(
      path,
      `'${tag}' is not a valid image tag`,
      "use up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-', e.g. 'dev-latest'",
    ),
  ];
}

import type { DiagramEdge, DiagramNode } from '../diagram/types.js';

/**
 * Node and edge builders the GitHub and GitLab delivery graphs share, so both draw jobs, their
 * groups and their order the same way.
 */

/** A workflow file or a GitLab stage: the frame its jobs sit in. */
export function groupNode(id: string, label: string, details: readonly string[]): DiagramNode {
  return { id, kind: 'workflow', label, details, resources: [] };
}

export function jobNode(id: string, label: string, parent: string, details: readonly string[]): DiagramNode {
  return { id, kind: 'job', label, details, parent, resources: [] };
}

/** `from` must finish before `to` starts. */
export function needsEdge(from: string, to: string, label?: string): DiagramEdge {
  return { id: `${from}->${to}:needs`, from, to, kind: 'needs', ...(label === undefined ? {} : { label }) };
}

/** `arn:aws:iam::<account>:role/<name>` → `<name>`; anything else as it is. */
export function roleName(arn: string): string {
  return /:role\/(.+)$/.exec(arn)?.[1] ?? arn;
}

/** The detail line a job's OIDC subject is shown in; tests and the page read it back by this prefix. */
export function subjectLine(subject: string): string {
  return `OIDC sub ${subject}`;
}

/** What a production job's detail says: nothing deploys to production until someone approves it. */
export const WAITS_FOR_APPROVAL = 'waits for approval';

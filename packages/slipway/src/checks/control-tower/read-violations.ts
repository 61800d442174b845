/**
 * Reads cfn-guard's structured report. Its JSON mirrors guard's evaluation tree, whose shape
 * depends on how each rule is written, so this walks the tree for the two things that are always
 * there: the control's message (`[CT.<SERVICE>.PR.<n>]: ... [FIX]: ...`) and the template paths
 * (`/Resources/<logicalId>/...`) the failing clauses looked at.
 */
import type { GuardFileReport } from './run-guard.js';

export interface ControlViolation {
  /** The data file the violation is in. */
  readonly file: string;
  /** Control Tower's id, e.g. `CT.CLOUDWATCH.PR.3`. */
  readonly control: string;
  /** The guard rule name, e.g. `cloudwatch_log_group_encrypted_check`. */
  readonly name: string;
  /** What the control requires, e.g. `Require an Amazon CloudWatch log group to be encrypted ...`. */
  readonly requirement: string;
  /** The control's own fix, when its message gives one. */
  readonly fix?: string;
  /** Logical ids of the failing resources; empty when the report names none. */
  readonly logicalIds: readonly string[];
}

const CONTROL_MESSAGE =
  /\[(CT\.[A-Z0-9-]+\.PR\.\d+)\]:\s*([^\n]*?)\s*(?:\n\s*\[FIX\]:\s*([^\n]*?)\s*)?(?:\n|$)/;
const RESOURCE_PATH = /^\/Resources\/([^/]+)/;

interface Walked {
  readonly messages: string[];
  /** Paths of the values checked: where the failing property is. */
  readonly checked: Set<string>;
  /** Paths of the values compared against, sometimes the only mention of the resource. */
  readonly compared: Set<string>;
}

function walk(node: unknown, underTo: boolean, found: Walked): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, underTo, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'custom_message' && typeof value === 'string') found.messages.push(value);
    if (key === 'path' && typeof value === 'string') {
      const id = RESOURCE_PATH.exec(value)?.[1];
      if (id !== undefined) (underTo ? found.compared : found.checked).add(id);
    }
    walk(value, underTo || key === 'to', found);
  }
}

/** Every control that failed, per data file, with the resources it failed on. */
export function readViolations(reports: readonly GuardFileReport[]): ControlViolation[] {
  return reports.flatMap((report) =>
    report.not_compliant.flatMap((result): ControlViolation[] => {
      const name = result.Rule?.name;
      if (name === undefined) return [];
      const found: Walked = { messages: [], checked: new Set(), compared: new Set() };
      walk(result, false, found);
      const parsed = found.messages.map((text) => CONTROL_MESSAGE.exec(text)).find((m) => m !== null);
      // A few controls (e.g. RDS log exports) name the resource only on the side compared against.
      const ids = found.checked.size > 0 ? found.checked : found.compared;
      return [
        {
          file: report.name,
          control: parsed?.[1] ?? name,
          name,
          requirement: parsed?.[2] ?? name,
          ...(parsed?.[3] === undefined ? {} : { fix: parsed[3] }),
          logicalIds: [...ids].sort(),
        },
      ];
    }),
  );
}

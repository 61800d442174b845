import type { Finding } from '../checks/finding.js';
import type { PlannedStack } from './assembly.js';
import { OpenFindingsError } from './errors.js';

/** Stops a deploy whose stacks have error findings nobody acknowledged; warnings pass. */
export function refuseOpenFindings(
  findings: readonly Finding[],
  stacks: readonly PlannedStack[],
  command: string,
): void {
  const deployed = new Set(stacks.map((s) => s.name));
  const open = findings.filter((f) => f.level === 'error' && !f.acknowledged && deployed.has(f.stack));
  if (open.length > 0) throw new OpenFindingsError(open, command);
}

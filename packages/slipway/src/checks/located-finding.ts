import type { FindingLevel } from './finding.js';

/** A finding before acknowledgements, located both ways an acknowledgement may name it. */
export interface LocatedFinding {
  readonly rule: string;
  readonly level: FindingLevel;
  readonly stack: string;
  readonly message: string;
  readonly logicalId?: string;
  /** Construct path without a leading slash, e.g. `myapp-dev-data/Database/Resource`. */
  readonly path?: string;
}

/** Whether `path` is `scope` or lies below it; the empty scope is the app and holds everything. */
export function isWithin(path: string | undefined, scope: string): boolean {
  if (scope === '') return true;
  return path !== undefined && (path === scope || path.startsWith(`${scope}/`));
}

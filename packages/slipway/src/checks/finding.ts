/** What a check says about one resource: the rule, how serious, and whether it was accepted. */

export type FindingLevel = 'error' | 'warning' | 'info';

export interface Finding {
  /** e.g. `AwsSolutions-IAM5[Resource::*]` or `Slipway-DB1`. */
  readonly rule: string;
  readonly level: FindingLevel;
  readonly stack: string;
  /** Logical id when known, else the construct path. */
  readonly resource: string;
  readonly message: string;
  readonly acknowledged: boolean;
  /** Why it was acknowledged; present exactly when `acknowledged`. */
  readonly reason?: string;
}

/** Errors first, then warnings, then notes: the order every list of findings is read in. */
export const LEVEL_ORDER: Readonly<Record<FindingLevel, number>> = { error: 0, warning: 1, info: 2 };

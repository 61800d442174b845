/** One priced line of an estimate. */

export interface CostItem {
  readonly stack: string;
  /** Logical id of the priced resource. */
  readonly resource: string;
  /** CloudFormation type, e.g. `AWS::RDS::DBInstance`. */
  readonly type: string;
  /** Monthly cost in US dollars. */
  readonly usd: number;
  /** How the figure was reached, e.g. `db.t4g.micro 730 h × $0.016 (AWS price list, 2026-07)`. */
  readonly basis: string;
}

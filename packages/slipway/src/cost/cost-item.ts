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

/** Something an estimate could not price, and why: the total leaves it out. */
export interface UnpricedItem {
  /** `stack/resource`; absent when the whole environment could not be priced. */
  readonly resource?: string;
  /** CloudFormation type of the resource, when there is one. */
  readonly type?: string;
  readonly reason: string;
}

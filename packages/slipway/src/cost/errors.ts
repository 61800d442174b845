/** A cost estimate that cannot be made from what it was given; the message says what to change. */
export class CostEstimateError extends Error {
  override readonly name = 'CostEstimateError';
}

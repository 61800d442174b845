/**
 * The only retention periods CloudWatch Logs accepts (`RetentionInDays` of AWS::Logs::LogGroup).
 * Any other number fails the deploy, so the config is checked against this list.
 */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** The nearest allowed retention at or above `days`, for the fix text. */
export function nextLogRetention(days: number): number {
  return LOG_RETENTION_DAYS.find((allowed) => allowed >= days) ?? LOG_RETENTION_DAYS.at(-1)!;
}

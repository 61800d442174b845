/** A report's input cannot be used (a missing or foreign plan file): the message says what to do. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}

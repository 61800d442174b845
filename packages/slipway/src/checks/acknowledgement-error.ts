/** One thing wrong with an acknowledgement: where it is, what is wrong, and how to fix it. */
export interface AcknowledgementProblem {
  /** Config path (`acknowledgements[2].resource`) or construct path of an `acknowledge()` call. */
  readonly path: string;
  readonly problem: string;
  readonly fix: string;
}

/** Thrown before any finding is reported: an invalid acknowledgement would silence the wrong findings. */
export class AcknowledgementError extends Error {
  constructor(readonly problems: readonly AcknowledgementProblem[]) {
    super(
      [
        'Invalid acknowledgement:',
        ...problems.map(({ path, problem, fix }) => `  ${path}: ${problem}. Fix: ${fix}.`),
      ].join('\n'),
    );
    this.name = 'AcknowledgementError';
  }
}

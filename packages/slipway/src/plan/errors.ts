/** `--env` named an environment the config does not declare. */
export class UnknownEnvironmentError extends Error {
  constructor(
    readonly unknown: readonly string[],
    readonly known: readonly string[],
  ) {
    super(
      `--env ${unknown.join(', ')}: no such environment in the config. Fix: use one of ${known.join(', ')}.`,
    );
  }
}

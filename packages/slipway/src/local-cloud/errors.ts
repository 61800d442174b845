/** Why the local emulator could not be used; each message says what to do next. */
export type LocalCloudProblem =
  'moto-missing' | 'port-busy' | 'start-failed' | 'not-running' | 'invalid-delay';

/** The local emulator is missing, cannot start, or is not running when it must be. */
export class LocalCloudError extends Error {
  override readonly name = 'LocalCloudError';

  constructor(
    readonly problem: LocalCloudProblem,
    message: string,
  ) {
    super(message);
  }
}

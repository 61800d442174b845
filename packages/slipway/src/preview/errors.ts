import { DeployError, DeployExitCode } from '../deploy/errors.js';

/** A preview that cannot be planned or run; names what, why and the fix, like a config error. */
export class PreviewError extends DeployError {
  override readonly name = 'PreviewError';
  readonly exitCode = DeployExitCode.usage;

  constructor(
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${field}: ${problem}. Fix: ${fix}`);
  }
}

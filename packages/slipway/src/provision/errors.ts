import { DeployError, DeployExitCode } from '../deploy/errors.js';
import type { ProvisionRequest } from './run-provisioner.js';

/** A provisioner run that could not start, did not finish or exited with an error. */
export class ProvisionError extends DeployError {
  override readonly name = 'ProvisionError';
  readonly exitCode = DeployExitCode.failed;

  constructor(
    readonly request: ProvisionRequest | undefined,
    readonly details: {
      readonly reason: string;
      readonly taskArn?: string;
      readonly exitCode?: number;
      readonly log?: readonly string[];
      readonly fix?: string;
    },
  ) {
    const what = request
      ? `The ${request.action} of database ${request.databaseName} and role ${request.roleName}`
      : 'The database provisioner';
    const lines = [
      `${what} failed: ${details.reason}${details.exitCode === undefined ? '' : ` (exit code ${details.exitCode})`}.`,
    ];
    if (details.taskArn) lines.push(`Task: ${details.taskArn}`);
    if (details.log && details.log.length > 0) {
      lines.push('Its last log lines:', ...details.log.slice(-10).map((l) => `  ${l}`));
    }
    lines.push(
      `Fix: ${details.fix ?? 'read the reason above, correct it and run the same command again; the provisioner is safe to repeat.'}`,
    );
    super(lines.join('\n'));
  }
}

import { createInterface } from 'node:readline/promises';
import pc from 'picocolors';
import { describeEvent } from '../deploy/describe-event.js';
import type { DeployEvent } from '../deploy/deploy-events.js';
import { DeployError } from '../deploy/errors.js';
import { LocalCloudError } from '../local-cloud/errors.js';
import type { CliIo } from './io.js';

// How the commands that deploy (deploy, diff, destroy, preview, up, local, report --target) talk
// to the user while they work: progress lines, a confirmation question, errors as exit codes.

/** Prints each progress event on the progress stream (stderr), when there is one. */
export function progressPrinter(io: CliIo): (event: DeployEvent) => void {
  return (event) => io.progress?.write(`${describeEvent(event)}\n`);
}

/** Runs a command's work, turning deploy and emulator errors into their message and exit code. */
export async function reportingErrors(
  io: CliIo,
  setExit: (code: number) => void,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DeployError) {
      io.err(`${pc.red('✗')} ${error.message}\n`);
      setExit(error.exitCode);
    } else if (error instanceof LocalCloudError) {
      io.err(`${pc.red('✗')} ${error.message}\n`);
      setExit(error.problem === 'start-failed' ? 4 : 2);
    } else {
      throw error;
    }
  }
}

/** A yes/no question on the terminal, or nothing when stdin is not one (CI, pipes, tests). */
export function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await prompt.question(question)).trim());
    } finally {
      prompt.close();
    }
  };
}

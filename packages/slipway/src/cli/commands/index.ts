import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/** Builds one command; the CLI passes where to write and how to set the exit code. */
export type CommandFactory = (io: CliIo, setExit: (code: number) => void) => Command;

/**
 * Every command's definition (its options and help), loaded only when a command line needs it.
 * A definition loads what the command does only when it runs (`<command>-run.ts`), so `--help`
 * loads them all and still no aws-cdk-lib. Order is the order `--help` lists them in.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  init: async () => (await import('./init.js')).initCommand,
  plan: async () => (await import('./plan.js')).planCommand,
  check: async () => (await import('./check.js')).checkCommand,
  cost: async () => (await import('./cost.js')).costCommand,
  report: async () => (await import('./report.js')).reportCommand,
  workflows: async () => (await import('./workflows.js')).workflowsCommand,
  manifests: async () => (await import('./manifests.js')).manifestsCommand,
  dev: async () => (await import('./dev.js')).devCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  deploy: async () => (await import('./deploy.js')).deployCommand,
  destroy: async () => (await import('./destroy.js')).destroyCommand,
  preview: async () => (await import('./preview.js')).previewCommand,
  local: async () => (await import('./local.js')).localCommand,
  up: async () => (await import('./up.js')).upCommand,
};

/**
 * The commands a command line needs: just the one it names; none for `--version`, which the
 * program answers itself; all of them otherwise (for `--help`, or to let commander report an
 * unknown command with the full list).
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandFactory[]> {
  const named = argv.find((arg) => !arg.startsWith('-'));
  const load = named === undefined ? undefined : COMMANDS[named];
  if (load) return [await load()];
  const asks = (...flags: string[]) => argv.some((arg) => flags.includes(arg));
  if (named === undefined && asks('--version', '-V') && !asks('--help', '-h')) return [];
  return Promise.all(Object.values(COMMANDS).map((l) => l()));
}

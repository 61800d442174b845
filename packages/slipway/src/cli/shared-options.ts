import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_CONCURRENCY } from '../deploy/deploy-steps.js';

/** Options every command that reads a config takes. */
export interface ConfigOptions {
  readonly config: string;
  readonly env: string[];
  readonly json: boolean;
}

export const DEFAULT_CONFIG = 'slipway.config.ts';
export const DEFAULT_OUT = '.slipway/out';

export function addConfigOptions(command: Command): Command {
  return command
    .addOption(new Option('-c, --config <file>', 'the Slipway config to read').default(DEFAULT_CONFIG))
    .addOption(
      new Option('-e, --env <name>', 'only this environment (repeat for several); all when omitted')
        .argParser((value: string, previous: string[] = []) => [...previous, value])
        .default([], 'all'),
    )
    .addOption(
      new Option('--json', 'print one JSON document on stdout instead of the summary').default(false),
    );
}

export function addOutOption(command: Command): Command {
  return command.addOption(
    new Option('-o, --out <dir>', 'where the templates are written').default(DEFAULT_OUT),
  );
}

export function resolveConfigPath(file: string): string {
  return path.resolve(process.cwd(), file);
}

/** A config path as generated workflows name it: relative to the current folder, with `/`. */
export function configPathFromCwd(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/');
}

/** Collects a repeatable option's values in order (`--image-tag a --image-tag b`). */
export const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--concurrency <n>` for deploy and destroy: how many service stacks go at once. */
export function concurrencyOption(): Option {
  return new Option(
    '--concurrency <n>',
    `how many service stacks deploy or delete at once; the layer stacks always go one at a time (default: the config's delivery.deployConcurrency, else ${DEFAULT_CONCURRENCY})`,
  ).argParser(parseConcurrency);
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('a whole number of at least 1');
  }
  return n;
}

import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from '../../src/cli/commands/index.js';
import type { CliIo } from '../../src/cli/io.js';

const silent: CliIo = { out: () => {}, err: () => {}, progress: undefined };
const names = async (argv: string[]) =>
  (await commandsFor(argv)).map((make) => make(silent, () => {}).name());

describe('lazy command loading', () => {
  it('loads only the command a command line names', async () => {
    expect(await names(['cost', '--env', 'dev'])).toEqual(['cost']);
  });

  it('loads every command for help or an unknown command, in the listed order', async () => {
    expect(await names(['--help'])).toEqual(Object.keys(COMMANDS));
    expect(await names(['deploi'])).toEqual(Object.keys(COMMANDS));
  });

  it('loads none for --version, which the program answers itself, unless help is asked too', async () => {
    expect(await names(['--version'])).toEqual([]);
    expect(await names(['-V'])).toEqual([]);
    expect(await names(['--help', '--version'])).toEqual(Object.keys(COMMANDS));
  });
});

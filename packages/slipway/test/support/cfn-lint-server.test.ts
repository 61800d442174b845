import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import startServer from '../cfn-lint-server-setup.js';
import { CFN_LINT_SERVER_VARIABLE, cfnLintCommand, lintTemplates } from './cfn-lint.js';

const TEMPLATES = {
  clean: { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } },
  // E3012: a queue's visibility timeout is a number of seconds.
  broken: { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 'soon' } } } },
  // E3030 only when the registry schema is applied: cfn-lint alone knows nothing of the type.
  registry: {
    Resources: {
      Monitor: {
        Type: 'Datadog::Monitors::Monitor',
        Properties: { Type: 'hourly alert', Query: 'avg(last_5m):avg:system.load.1{*} > 4' },
      },
    },
  },
};

/** Runs `body` with the server's socket hidden, so cfn-lint runs once as a process of its own. */
function withoutServer<T>(body: () => T): T {
  const socket = process.env[CFN_LINT_SERVER_VARIABLE];
  delete process.env[CFN_LINT_SERVER_VARIABLE];
  try {
    return body();
  } finally {
    if (socket !== undefined) process.env[CFN_LINT_SERVER_VARIABLE] = socket;
  }
}

function runCommand(args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const lint = cfnLintCommand(args);
  const run = spawnSync(lint.command, lint.args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('the warm cfn-lint server', () => {
  let folder: string;
  let files: string[];
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'slipway-lint-server-'));
    files = Object.entries(TEMPLATES).map(([name, template]) => {
      const file = path.join(folder, `${name}.template.json`);
      writeFileSync(file, JSON.stringify(template, null, 1));
      return file;
    });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is started by the global setup for this run', () => {
    expect(process.env[CFN_LINT_SERVER_VARIABLE], CFN_LINT_SERVER_VARIABLE).toMatch(/\.sock$/);
  });

  it('finds what a one-shot cfn-lint finds: the same errors, warnings and exit status', () => {
    const served = lintTemplates(files, { regions: ['eu-west-1'] });
    const oneShot = withoutServer(() => lintTemplates(files, { regions: ['eu-west-1'] }));
    expect(served).toEqual(oneShot);
    const [clean, broken, registry] = files as [string, string, string];
    expect(served.errors.filter((e) => e.startsWith(clean))).toEqual([]);
    expect(served.errors.filter((e) => e.startsWith(broken))).toEqual([
      expect.stringMatching(/^\S+: E3012 'soon' is not of type 'integer'/),
    ]);
    expect(served.errors.filter((e) => e.startsWith(registry))).toEqual([
      expect.stringMatching(/^\S+: E3030 'hourly alert' is not one of/),
    ]);
    expect(served.status & 2, 'the error bit of the exit status').toBe(2);
  });

  it('prints byte for byte what the one-shot command prints, relative paths included', () => {
    const args = ['--format', 'parseable', '--', ...files.map((file) => path.relative(process.cwd(), file))];
    const served = runCommand(args);
    const oneShot = withoutServer(() => runCommand(args));
    expect(served).toEqual(oneShot);
    expect(served.stdout).toContain(':E3012:');
  });

  it('answers a bad command line as cfn-lint does: usage on stderr, exit 1', () => {
    const served = runCommand(['--no-such-option']);
    expect(served.status).toBe(1);
    expect(served.stderr).toContain('unrecognized arguments: --no-such-option');
    expect(served).toEqual(withoutServer(() => runCommand(['--no-such-option'])));
  });
});

describe('starting the cfn-lint server', () => {
  /** Runs the global setup with `python` as cfn-lint's Python, restoring the environment after. */
  async function startWith(python: string): Promise<unknown> {
    const saved = {
      python: process.env['SLIPWAY_CFN_LINT_PYTHON'],
      socket: process.env[CFN_LINT_SERVER_VARIABLE],
    };
    process.env['SLIPWAY_CFN_LINT_PYTHON'] = python;
    try {
      const stop = await startServer();
      stop();
      return undefined;
    } catch (error) {
      return error;
    } finally {
      for (const [name, value] of [
        ['SLIPWAY_CFN_LINT_PYTHON', saved.python],
        [CFN_LINT_SERVER_VARIABLE, saved.socket],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  it('fails with the reason when the Python cannot be started', async () => {
    const error = await startWith(path.join(tmpdir(), 'no-such-python'));
    expect(String(error)).toMatch(/did not start: .*no-such-python could not be started \(spawn .* ENOENT\)/);
  });

  it('fails with the reason when the server exits before it is ready', async () => {
    const error = await startWith('false');
    expect(String(error)).toMatch(/did not start: it exited \(exit 1\) before it was ready/);
    expect(String(error)).toContain('Fix: install cfn-lint');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevError } from '../../src/dev/dev-error.js';
import { readLocalSecrets, secretVariable } from '../../src/dev/local-secrets.js';
import { tempDir } from './helpers.js';

function secretsFile(content: string): string {
  const file = path.join(tempDir('secrets'), 'secrets.dev.json');
  writeFileSync(file, content);
  return file;
}

describe('readLocalSecrets', () => {
  it('reads the file, lets SLIPWAY_SECRET_* win, and ignores what is not declared', () => {
    const file = secretsFile(
      JSON.stringify({ stripeKey: 'from-file', mailToken: 'from-file', stripKey: 'typo' }),
    );
    const secrets = readLocalSecrets({
      file,
      declared: ['stripeKey', 'mailToken', 'searchKey'],
      env: { SLIPWAY_SECRET_MAIL_TOKEN: 'from-env' },
    });
    expect(Object.fromEntries(secrets.values)).toEqual({ stripeKey: 'from-file', mailToken: 'from-env' });
    expect(secrets.warnings).toEqual([
      expect.stringContaining(
        "a value for 'stripKey', which is not a declared secret (did you mean 'stripeKey'?)",
      ),
    ]);
  });

  it('needs no file', () => {
    const secrets = readLocalSecrets({
      file: path.join(tempDir('none'), 'secrets.dev.json'),
      declared: ['stripeKey'],
      env: { SLIPWAY_SECRET_STRIPE_KEY: 'sk_test' },
    });
    expect(secrets.values.get('stripeKey')).toBe('sk_test');
    expect(secrets.warnings).toEqual([]);
  });

  it('names the file and the fix when it is not JSON, or a value is not a string', () => {
    const broken = secretsFile('{ stripeKey: sk }');
    expect(() => readLocalSecrets({ file: broken, declared: [], env: {} })).toThrow(DevError);
    expect(() => readLocalSecrets({ file: broken, declared: [], env: {} })).toThrow(
      /secrets\.dev\.json is not valid JSON .*Fix: write one object of secret name to value/,
    );
    const numeric = secretsFile('{ "pin": 1234 }');
    expect(() => readLocalSecrets({ file: numeric, declared: ['pin'], env: {} })).toThrow(
      /the value of 'pin' is not a string\. Fix: quote every value/,
    );
  });
});

describe('readLocalSecrets in a git repository', () => {
  it('warns when git would commit the secrets file, and not once .slipway/ is ignored', () => {
    const repo = tempDir('repo');
    execFileSync('git', ['init', '--quiet'], { cwd: repo });
    mkdirSync(path.join(repo, '.slipway'));
    const file = path.join(repo, '.slipway', 'secrets.dev.json');
    writeFileSync(file, JSON.stringify({ stripeKey: 'sk_test' }));
    const read = () => readLocalSecrets({ file, declared: ['stripeKey'], env: {} }).warnings;
    expect(read()).toEqual([expect.stringContaining('holds secret values but git does not ignore it')]);
    writeFileSync(path.join(repo, '.gitignore'), '.slipway/\n');
    expect(read()).toEqual([]);
  });
});

describe('secretVariable', () => {
  it('turns declared names into upper-case variable names', () => {
    expect(secretVariable('stripeKey')).toBe('SLIPWAY_SECRET_STRIPE_KEY');
    expect(secretVariable('pgadminPassword')).toBe('SLIPWAY_SECRET_PGADMIN_PASSWORD');
    expect(secretVariable('db-password')).toBe('SLIPWAY_SECRET_DB_PASSWORD');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slipway-config-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a config file; these do not import 'slipway' because the temp folder has no node_modules. */
async function configFile(name: string, source: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, source);
  return file;
}

async function loadError(file: string): Promise<ConfigError> {
  const error = await loadConfig(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const VALID = `
const config = {
  app: 'shop',
  github: { repository: 'acme/shop' },
  services: { web: { port: 8080 } },
  environments: {
    dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
  },
};
export default config;
`;

describe('loadConfig', () => {
  it('imports a TypeScript config and resolves it', async () => {
    const model = await loadConfig(
      await configFile('valid.config.ts', `${VALID}\nconst typed: number = 1;\nvoid typed;\n`),
    );
    expect(model.app).toBe('shop');
    expect(model.environments[0]!.services[0]!.image).toEqual({ repository: 'shop/web', tag: 'dev-latest' });
  });

  it('reports a missing file', async () => {
    const error = await loadError(join(dir, 'missing.config.ts'));
    expect(error.file).toBe(join(dir, 'missing.config.ts'));
    expect(error.message).toContain('missing.config.ts: no config file here. Fix:');
    expect(error.issues[0]!.fix).toContain('--config');
  });

  it('reports a file without a default export', async () => {
    const error = await loadError(
      await configFile('no-default.config.ts', 'export const config = { app: "shop" };\n'),
    );
    expect(error.issues[0]!.message).toBe('has no default export');
    expect(error.issues[0]!.fix).toContain('export default defineConfig(');
  });

  it('reports a syntax error with where it is', async () => {
    const error = await loadError(
      await configFile('broken.config.ts', 'export default {\n  app: "shop",,\n};\n'),
    );
    expect(error.issues[0]!.message).toMatch(/^could not be compiled: .*broken\.config\.ts:2:/);
    expect(error.issues[0]!.fix).toContain('syntax error');
  });

  it('reports a config that throws while it runs', async () => {
    const error = await loadError(
      await configFile('throws.config.ts', 'throw new Error("no ACCOUNT set");\nexport default {};\n'),
    );
    expect(error.issues[0]!.message).toBe('threw while loading: no ACCOUNT set');
  });

  it('attaches the file to validation errors', async () => {
    const file = await configFile('invalid.config.ts', VALID.replace('port: 8080', 'port: 0'));
    const error = await loadError(file);
    expect(error.file).toBe(file);
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'services.web.port', message: '0 is not a TCP port' }),
    ]);
  });
});

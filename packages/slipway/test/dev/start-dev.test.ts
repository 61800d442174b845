import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { DevCancelledError, DevError, ServiceStartError } from '../../src/dev/dev-error.js';
import { startDev } from '../../src/dev/start-dev.js';
import { configWith, FIXTURES, recorder, STAND_IN, tempDir } from './helpers.js';

/** Whether anything still answers on the port. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

describe('startDev', () => {
  it('gives a service its cloud variables, PORT and local secrets, warns about a missing one, and skips a service without a dev command', async () => {
    const model = resolveConfig(
      configWith({
        secrets: {
          stripeKey: { ssm: '/shop/stripe_key' },
          mailToken: { secretsManager: 'shop/mail' },
          searchKey: { ssm: '/shop/search_key' },
        },
        services: {
          web: {
            port: 8080,
            environment: { LOG_LEVEL: 'debug' },
            secrets: { STRIPE_KEY: 'stripeKey', MAIL_TOKEN: 'mailToken', SEARCH_KEY: 'searchKey' },
            dev: { command: STAND_IN, env: { FEATURE_FLAGS: 'local' } },
          },
          worker: { port: 9000, public: false },
        },
      }),
    );
    const secretsFile = path.join(tempDir('secrets'), 'secrets.dev.json');
    writeFileSync(secretsFile, JSON.stringify({ stripeKey: 'sk_test_from_file', mailToken: 'from-file' }));
    const log = recorder();
    const session = await startDev(model, {
      configDir: FIXTURES,
      basePort: 0,
      secretsFile,
      processEnv: {
        ...process.env,
        SLIPWAY_SECRET_MAIL_TOKEN: 'from-variable',
        SLIPWAY_SECRET_UNRELATED: 'must not leak',
        DATABASE_HOST: 'must-not-leak.example',
      },
      reporter: log.reporter,
    });
    try {
      const [web] = session.services;
      expect(web?.name).toBe('web');
      const env = (await (await fetch(`${web?.url}/env`)).json()) as Record<string, string>;
      expect(env).toMatchObject({
        LOG_LEVEL: 'debug',
        PORT: String(web?.port),
        STRIPE_KEY: 'sk_test_from_file',
        MAIL_TOKEN: 'from-variable',
        FEATURE_FLAGS: 'local',
      });
      for (const absent of [
        'SEARCH_KEY',
        'DATABASE_HOST',
        'SLIPWAY_SECRET_UNRELATED',
        'SLIPWAY_SECRET_MAIL_TOKEN',
      ]) {
        expect(env[absent], absent).toBeUndefined();
      }
      const [missing, ...others] = log.warnings();
      expect(others).toEqual([]);
      expect(missing).toContain("secret 'searchKey' has no local value, so SEARCH_KEY for web is unset");
      expect(missing).toContain('SLIPWAY_SECRET_SEARCH_KEY');
      expect(missing).toContain('secrets.dev.json');
      expect(log.of('skipped').map((s) => s.service)).toEqual(['worker']);
      expect(log.of('service-ready').map((r) => r.service.url)).toEqual([web?.url]);
      expect(log.lines('web')).toContain(`listening on ${web?.port}`);
    } finally {
      await session.stop();
    }
    expect(await session.finished).toEqual({ reason: 'stopped' });
    expect(log.of('service-stopped')).toMatchObject([{ service: 'web', killed: false, code: 0 }]);
    expect(log.lines('web')).toContain('draining');
  });

  it('stops the other services and reports the exit code when a service exits while running', async () => {
    const model = resolveConfig(
      configWith({
        services: {
          steady: { port: 8080, dev: { command: STAND_IN } },
          flaky: { port: 8081, public: false, dev: { command: STAND_IN, env: { EXIT_CODE: '3' } } },
        },
      }),
    );
    const log = recorder();
    const session = await startDev(model, { configDir: FIXTURES, basePort: 0, reporter: log.reporter });
    const [steady, flaky] = session.services;
    expect(await answers(steady!.url)).toBe(true);
    await fetch(`${flaky?.url}/exit`);
    const finish = await session.finished;
    expect(finish).toEqual({ reason: 'service-exited', service: 'flaky', code: 3, signal: null });
    expect(log.of('service-exited')).toMatchObject([{ service: 'flaky', code: 3 }]);
    expect(
      log
        .of('service-stopped')
        .map((s) => s.service)
        .sort(),
    ).toEqual(['flaky', 'steady']);
    expect(await answers(steady!.url)).toBe(false);
  });

  it('fails with the exit code when a service exits before it answers, and stops the others', async () => {
    const model = resolveConfig(
      configWith({
        services: {
          steady: { port: 8080, dev: { command: STAND_IN } },
          broken: { port: 8081, public: false, dev: { command: 'echo "missing setting" >&2; exit 4' } },
        },
      }),
    );
    const log = recorder();
    const started = startDev(model, { configDir: FIXTURES, basePort: 0, reporter: log.reporter });
    const error = await started.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceStartError);
    expect(error).toMatchObject({ service: 'broken', code: 4 });
    expect((error as Error).message).toContain('broken exited with code 4 before it answered GET /healthz');
    expect(log.lines('broken')).toContain('missing setting');
    expect(
      log
        .of('service-stopped')
        .map((s) => s.service)
        .sort(),
    ).toEqual(['broken', 'steady']);
    const steadyPort = log.of('service-starting').find((s) => s.service === 'steady')?.port;
    expect(await answers(`http://localhost:${steadyPort}`)).toBe(false);
  });

  it('kills a service that outlives its stop timeout', async () => {
    const model = resolveConfig(
      configWith({
        services: {
          stubborn: {
            port: 8080,
            stopTimeoutSeconds: 1,
            dev: { command: STAND_IN, env: { IGNORE_SIGTERM: '1' } },
          },
        },
      }),
    );
    const log = recorder();
    const session = await startDev(model, { configDir: FIXTURES, basePort: 0, reporter: log.reporter });
    const begun = Date.now();
    await session.stop();
    expect(log.lines('stubborn')).toContain('ignoring SIGTERM');
    expect(log.of('service-stopped')).toMatchObject([{ service: 'stubborn', killed: true }]);
    expect(Date.now() - begun).toBeGreaterThanOrEqual(1_000);
    expect(await answers(session.services[0]!.url)).toBe(false);
  });

  it('stops what it started when cancelled before the services are ready', async () => {
    const model = resolveConfig(
      configWith({ services: { web: { port: 8080, healthPath: '/not-there', dev: { command: STAND_IN } } } }),
    );
    const controller = new AbortController();
    const log = recorder();
    const started = startDev(model, {
      configDir: FIXTURES,
      basePort: 0,
      signal: controller.signal,
      reporter: (event) => {
        log.reporter(event);
        if (event.kind === 'log') controller.abort();
      },
    });
    await expect(started).rejects.toBeInstanceOf(DevCancelledError);
    expect(log.kinds()).not.toContain('service-ready');
    expect(log.of('service-stopped').map((s) => s.service)).toEqual(['web']);
  });

  it('refuses a config where no service has a dev command, naming the field to add', async () => {
    const model = resolveConfig(configWith({ services: { web: { port: 8080 } } }));
    const error = await startDev(model, {
      configDir: FIXTURES,
      basePort: 0,
      reporter: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevError);
    expect((error as Error).message).toMatch(
      /no service has a dev command \(web\).*Fix: add services\.web\.dev/,
    );
  });

  it('names the dev.cwd field when the folder does not exist', async () => {
    const model = resolveConfig(
      configWith({ services: { web: { port: 8080, dev: { command: STAND_IN, cwd: 'no-such-folder' } } } }),
    );
    const error = await startDev(model, {
      configDir: FIXTURES,
      basePort: 0,
      reporter: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevError);
    expect((error as Error).message).toMatch(/services\.web\.dev\.cwd: .*no-such-folder is not a folder/);
  });
});

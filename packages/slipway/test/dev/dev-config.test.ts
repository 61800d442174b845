import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { expectIssue, validConfig } from '../config/fixtures.js';

describe('services.<name>.dev in the config', () => {
  it('resolves into every environment, the folder defaulting to the config file’s', () => {
    const config = validConfig();
    config.services!.web!.dev = { command: 'npm run dev', env: { LOG_LEVEL: 'debug' } };
    const model = resolveConfig(config);
    for (const env of model.environments) {
      expect(env.services[0]?.dev).toEqual({ command: 'npm run dev', cwd: '.', env: { LOG_LEVEL: 'debug' } });
    }
  });

  it('leaves dev out of a service that does not set it', () => {
    const model = resolveConfig(validConfig());
    expect(model.environments[0]?.services[0]).not.toHaveProperty('dev');
  });

  it('rejects an empty command', () => {
    const config = validConfig();
    config.services!.web!.dev = { command: '  ' };
    expectIssue(config, 'services.web.dev.command', { message: ['is empty'], fix: ['npm run dev'] });
  });

  it('rejects an absolute folder, which exists on one machine only', () => {
    const config = validConfig();
    config.services!.web!.dev = { command: 'npm run dev', cwd: '/home/ada/shop' };
    expectIssue(config, 'services.web.dev.cwd', {
      message: ["'/home/ada/shop' is an absolute path"],
      fix: ["relative to the config file's folder"],
    });
  });

  it('rejects a variable name a shell would refuse', () => {
    const config = validConfig();
    config.services!.web!.dev = { command: 'npm run dev', env: { '1ST-FLAG': 'on' } };
    expectIssue(config, 'services.web.dev.env.1ST-FLAG', {
      message: ["'1ST-FLAG' is not a valid environment variable name"],
      fix: ["letters, digits and '_'"],
    });
  });

  it('rejects an unknown key inside dev, as everywhere else', () => {
    const config = validConfig();
    config.services!.web!.dev = { command: 'npm run dev', directory: 'apps/web' } as never;
    expect(() => resolveConfig(config)).toThrow(/services\.web\.dev/);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { expectIssue, validConfig } from './fixtures.js';

describe('service container user and writable paths', () => {
  it('defaults to uid 1000 on a read-only root with /tmp writable', () => {
    const model = resolveConfig(validConfig());
    for (const env of model.environments) {
      expect(env.services[0]).toMatchObject({
        user: '1000',
        readonlyRootFilesystem: true,
        writablePaths: ['/tmp'],
      });
    }
  });

  it('lets an environment override the user, the read-only root and the writable paths', () => {
    const config = validConfig();
    config.services!.web!.user = 'node';
    config.services!.web!.writablePaths = ['/tmp', '/var/cache/app'];
    config.environments.dev!.services = { web: { user: '1000:1000', readonlyRootFilesystem: false } };
    const model = resolveConfig(config);
    const web = (env: string) => model.environments.find((e) => e.name === env)!.services[0]!;
    expect(web('dev')).toMatchObject({
      user: '1000:1000',
      readonlyRootFilesystem: false,
      writablePaths: ['/tmp', '/var/cache/app'],
    });
    expect(web('prod')).toMatchObject({ user: 'node', readonlyRootFilesystem: true });
  });

  it.each(['0', 'root', '0:0', 'root:root', '00', '0:1000'])('rejects %s as root', (user) => {
    const config = validConfig();
    config.services!.web!.user = user;
    expectIssue(config, 'services.web.user', {
      message: [`'${user}'`, 'as root'],
      fix: ['unprivileged user', "'1000'"],
    });
  });

  it('names the environment override that sets root', () => {
    const config = validConfig();
    config.environments.prod!.services = { web: { user: 'root' } };
    expectIssue(config, 'environments.prod.services.web.user', {
      message: ["'root' runs service 'web' as root"],
      fix: ['unprivileged user'],
    });
  });

  it('rejects a user ECS could not read', () => {
    const config = validConfig();
    config.services!.web!.user = '1000:1000:1000';
    expectIssue(config, 'services.web.user', {
      message: ['is not a user ECS can run a container as'],
      fix: ["'1000:1000'"],
    });
  });

  it.each([
    ['tmp', 'is not an absolute path'],
    ['/', 'the root itself'],
    ['/var/../etc', "no empty, '.' or '..' parts"],
    ['/tmp/', "no trailing '/'"],
    ['/my cache', 'whitespace'],
  ])('rejects the writable path %s', (writable, message) => {
    const config = validConfig();
    config.services!.web!.writablePaths = ['/tmp', writable];
    expectIssue(config, 'services.web.writablePaths', {
      message: [`'${writable}'`, message],
      fix: ["'/tmp'"],
    });
  });

  it('rejects a writable path listed twice', () => {
    const config = validConfig();
    config.environments.dev!.services = { web: { writablePaths: ['/tmp', '/tmp'] } };
    expectIssue(config, 'environments.dev.services.web.writablePaths', {
      message: ["'/tmp' is listed twice"],
      fix: ['once'],
    });
  });

  it('accepts an empty list: a service that writes nowhere', () => {
    const config = validConfig();
    config.services!.web!.writablePaths = [];
    expect(resolveConfig(config).environments[0]!.services[0]!.writablePaths).toEqual([]);
  });
});

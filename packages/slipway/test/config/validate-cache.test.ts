import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, validConfig } from './fixtures.js';

/** The valid fixture with a `sessions` cache its web service asks for. */
function withCache(): SlipwayConfig {
  const config = validConfig();
  config.caches = { sessions: {} };
  config.services!.web!.cache = 'sessions';
  return config;
}

describe('caches', () => {
  it('resolves the stage defaults: one node and a day of snapshots, production two nodes and seven', () => {
    const model = resolveConfig(withCache());
    const cacheOf = (env: string) => model.environments.find((e) => e.name === env)?.caches?.[0];
    expect(cacheOf('dev')).toEqual({
      name: 'sessions',
      nodeType: 'cache.t4g.micro',
      engineVersion: '8.0',
      nodes: 1,
      snapshotRetentionDays: 1,
    });
    expect(cacheOf('prod')).toMatchObject({ nodes: 2, snapshotRetentionDays: 7 });
    expect(model.environments[0]?.services[0]?.cache).toBe('sessions');
  });

  it('takes an environment override over the top-level value', () => {
    const config = withCache();
    config.caches = { sessions: { nodeType: 'cache.t4g.small' } };
    config.environments.prod!.caches = { sessions: { nodeType: 'cache.r7g.large', nodes: 3 } };
    const model = resolveConfig(config);
    const prod = model.environments.find((e) => e.name === 'prod')?.caches?.[0];
    const dev = model.environments.find((e) => e.name === 'dev')?.caches?.[0];
    expect(prod).toMatchObject({ nodeType: 'cache.r7g.large', nodes: 3 });
    expect(dev).toMatchObject({ nodeType: 'cache.t4g.small', nodes: 1 });
  });

  it('rejects a service asking for an undeclared cache, suggesting the declared one', () => {
    const config = withCache();
    config.services!.web!.cache = 'session';
    expectIssue(config, 'services.web.cache', {
      message: ["no cache named 'session' is declared", "did you mean 'sessions'"],
      fix: ["use one of 'sessions'"],
    });
  });

  it('rejects an override of a cache that is not declared', () => {
    const config = validConfig();
    config.environments.dev!.caches = { sessions: {} };
    expectIssue(config, 'environments.dev.caches.sessions', {
      message: ["no cache named 'sessions' is declared"],
      fix: ['declare'],
    });
  });

  it('rejects a node type without the cache. prefix, naming the shape', () => {
    const config = withCache();
    config.caches = { sessions: { nodeType: 't4g.micro' } };
    expectIssue(config, 'caches.sessions.nodeType', {
      message: ["'t4g.micro' is not an ElastiCache node type"],
      fix: ["cache.<family>.<size>, e.g. 'cache.t4g.micro'"],
    });
  });

  it('rejects a Valkey version ElastiCache does not run', () => {
    const config = withCache();
    config.environments.dev!.caches = { sessions: { engineVersion: '6.2' } };
    expectIssue(config, 'environments.dev.caches.sessions.engineVersion', {
      message: ["'6.2' is not a Valkey version"],
      fix: ["'8.0'"],
    });
  });

  it('rejects a single node in production, and node counts ElastiCache does not allow', () => {
    const single = withCache();
    single.environments.prod!.caches = { sessions: { nodes: 1 } };
    expectIssue(single, 'environments.prod.caches.sessions.nodes', {
      message: ["production environment 'prod'", 'one node'],
      fix: ['production defaults to 2'],
    });
    const many = withCache();
    many.caches = { sessions: { nodes: 7 } };
    expectIssue(many, 'caches.sessions.nodes', { message: ['outside 1–6'], fix: ['between 1 and 6'] });
  });

  it('rejects snapshot retention outside 0–35 days, and none in production', () => {
    const long = withCache();
    long.caches = { sessions: { snapshotRetentionDays: 40 } };
    expectIssue(long, 'caches.sessions.snapshotRetentionDays', {
      message: ["outside ElastiCache's 0–35"],
      fix: ['between 0 and 35'],
    });
    const none = withCache();
    none.environments.prod!.caches = { sessions: { snapshotRetentionDays: 0 } };
    expectIssue(none, 'environments.prod.caches.sessions.snapshotRetentionDays', {
      message: ['would keep no snapshot'],
      fix: ['production defaults to 7'],
    });
  });

  it('rejects a cache name that cannot become a parameter path', () => {
    const config = withCache();
    config.caches = { Sessions_1: {} };
    config.services!.web!.cache = 'Sessions_1';
    expectIssue(config, 'caches.Sessions_1', { message: ['not a usable cache name'], fix: ["'sessions'"] });
  });
});

import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, validConfig } from './fixtures.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const ENTRY = path.join(FIXTURES, 'functions/notify.ts');

/** An orders table with a stream, and a function its stream calls that also reads the table. */
function withFunction(): SlipwayConfig {
  const config = validConfig();
  config.tables = {
    orders: { partitionKey: { name: 'pk' }, stream: 'new-image' },
    audit: { partitionKey: { name: 'id' } },
  };
  config.functions = {
    notify: {
      entry: ENTRY,
      tables: { orders: 'read' },
      events: { table: 'orders', filters: [{ eventName: ['INSERT'] }] },
    },
  };
  return config;
}

const resolve = (config: SlipwayConfig) => resolveConfig(config, { configDir: FIXTURES });

describe('functions in config', () => {
  it('resolves each function per environment: fixed name, entry from the config folder, defaults', () => {
    const config = withFunction();
    config.functions!.notify!.entry = 'functions/notify.ts';
    const [dev, prod] = resolve(config).environments;
    expect(dev!.functions).toEqual([
      {
        name: 'notify',
        functionName: 'shop-dev-notify',
        entry: path.join(FIXTURES, 'functions/notify.ts'),
        handler: 'handler',
        memoryMb: 256,
        timeoutSeconds: 30,
        architecture: 'arm64',
        environment: {},
        tables: { orders: 'read' },
        events: {
          table: 'orders',
          batchSize: 100,
          filters: [{ eventName: ['INSERT'] }],
          startingPosition: 'trim-horizon',
        },
      },
    ]);
    expect(dev!.stackNames.functions).toBe('shop-dev-functions');
    expect(prod!.functions![0]!.functionName).toBe('shop-prod-notify');
  });

  it('leaves apps without functions without a functions stack', () => {
    const [dev] = resolveConfig(validConfig()).environments;
    expect(dev!.functions).toBeUndefined();
    expect(dev!.stackNames.functions).toBeUndefined();
  });

  it('rejects an entry that is not there, with the path it looked at', () => {
    const config = withFunction();
    config.functions!.notify!.entry = path.join(FIXTURES, 'functions/notfy.ts');
    expectIssue(config, 'functions.notify.entry', {
      message: ['no file at', path.join(FIXTURES, 'functions/notfy.ts')],
      fix: ["relative to the config file's folder"],
    });
    config.functions!.notify!.entry = 'functions/notify.js';
    expectIssue(config, 'functions.notify.entry', { message: ['not a TypeScript file'], fix: ['.ts'] });
  });

  it('rejects a stream source on a table without a stream, and unknown tables', () => {
    const config = withFunction();
    config.functions!.notify!.events = { table: 'audit' };
    config.functions!.notify!.tables = { order: 'read-write' };
    expectIssue(config, 'functions.notify.events.table', {
      message: ["the 'audit' table has no stream"],
      fix: ['tables.audit.stream'],
    });
    expectIssue(config, 'functions.notify.tables.order', {
      message: ["no table named 'order'", "did you mean 'orders'"],
      fix: ["'orders' or 'audit'"],
    });
    config.functions!.notify!.events = { table: 'payments' };
    expectIssue(config, 'functions.notify.events.table', {
      message: ["no table named 'payments'"],
      fix: ['declare'],
    });
  });

  it('rejects sizes, names and variables Lambda refuses', () => {
    const config = withFunction();
    config.functions = {
      Notify_All: { entry: ENTRY },
      notify: {
        entry: ENTRY,
        handler: 'default-export',
        memory: 64,
        timeoutSeconds: 901,
        reservedConcurrency: 0,
        tables: { orders: 'read' },
        environment: { AWS_REGION: 'x', API_TOKEN: 'y', TABLE_ORDERS: 'z' },
        events: { table: 'orders', batchSize: 0, filters: [{}, {}, {}, {}, {}, {}] },
      },
    };
    expectIssue(config, 'functions.Notify_All', { message: ['lower-case'], fix: ["'notify-all'"] });
    expectIssue(config, 'functions.notify.handler', { message: ['not an export name'], fix: ["'handler'"] });
    expectIssue(config, 'functions.notify.memory', { message: ['128–10240'], fix: ['memory: 256'] });
    expectIssue(config, 'functions.notify.timeoutSeconds', { message: ['1–900'], fix: ['within'] });
    expectIssue(config, 'functions.notify.reservedConcurrency', {
      message: ['ever running'],
      fix: ['1 or more'],
    });
    expectIssue(config, 'functions.notify.environment.AWS_REGION', {
      message: ['Lambda runtime'],
      fix: ['rename'],
    });
    expectIssue(config, 'functions.notify.environment.API_TOKEN', { message: ['credential'], fix: ['SSM'] });
    expectIssue(config, 'functions.notify.environment.TABLE_ORDERS', {
      message: ['set by Slipway'],
      fix: ['remove'],
    });
    expectIssue(config, 'functions.notify.events.batchSize', {
      message: ['1–10000'],
      fix: ['batchSize: 100'],
    });
    expectIssue(config, 'functions.notify.events.filters', { message: ['6 filters'], fix: ['merge'] });
    expectIssue(config, 'functions.notify.events.filters[0]', {
      message: ['empty pattern'],
      fix: ['eventName'],
    });
  });

  it('refuses functions in an EKS environment, which has no alarm topic yet', () => {
    const config = withFunction();
    config.environments.dev!.runtime = 'eks';
    expectIssue(config, 'environments.dev.runtime', { message: ['ECS environments only'], fix: ["'ecs'"] });
  });

  it('resolves a topic source and the topics services publish to, and rejects what SNS or Slipway cannot use', () => {
    const config = withFunction();
    config.topics = { 'order-events': {} };
    config.functions!.notify!.events = { topic: 'order-events' };
    config.services!.web!.topics = ['order-events'];
    const [dev] = resolveConfig(config).environments;
    expect(dev!.topics).toEqual([{ name: 'order-events', topicName: 'shop-dev-order-events' }]);
    expect(dev!.functions![0]!.events).toEqual({ topic: 'order-events', batchSize: 10, filters: [] });
    expect(dev!.services[0]!.topics).toEqual(['order-events']);

    config.topics = { 'order-events': {}, Bad_Topic: {} };
    config.functions!.notify!.events = { topic: 'order-event', startingPosition: 'latest' };
    config.services!.web!.topics = ['orders-events'];
    config.services!.web!.environment = { TOPIC_ORDERS_EVENTS: 'x' };
    expectIssue(config, 'topics.Bad_Topic', { message: ['lower-case'], fix: ["'bad-topic'"] });
    expectIssue(config, 'functions.notify.events.topic', {
      message: ["no topic named 'order-event'", "did you mean 'order-events'"],
      fix: ["'order-events'"],
    });
    expectIssue(config, 'functions.notify.events.startingPosition', {
      message: ['no position'],
      fix: ['remove'],
    });
    expectIssue(config, 'services.web.topics[0]', {
      message: ["no topic named 'orders-events'"],
      fix: ['declare'],
    });
    expectIssue(config, 'services.web.environment.TOPIC_ORDERS_EVENTS', {
      message: ['set by Slipway'],
      fix: ['remove'],
    });
  });

  it('asks for exactly one of a table and a topic', () => {
    const config = withFunction();
    config.topics = { 'order-events': {} };
    config.functions!.notify!.events = { table: 'orders', topic: 'order-events' };
    expectIssue(config, 'functions.notify.events', {
      message: ['both a table and a topic'],
      fix: ['keep one'],
    });
    config.functions!.notify!.events = {};
    expectIssue(config, 'functions.notify.events', { message: ['neither'], fix: ['keep one'] });
  });

  it('rejects a service named after the functions stack', () => {
    const config = withFunction();
    config.services!.functions = { port: 8081 };
    expectIssue(config, 'services.functions', { message: ['reserved'], fix: ["'functions'"] });
  });
});

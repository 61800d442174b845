import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const ENTRY = path.join(FIXTURES, 'functions/notify.ts');

/** A `jobs` queue the web service sends to and `work` reads. */
function withQueue(): SlipwayConfig {
  const config = validConfig();
  config.queues = { jobs: {} };
  config.functions = { work: { entry: ENTRY, events: { queue: 'jobs' } } };
  config.services!.web!.queues = ['jobs'];
  return config;
}

describe('queues in config', () => {
  it('resolves each queue per environment: fixed name, defaults, visibility six times its reader’s timeout', () => {
    const config = withQueue();
    config.queues!['audit-log'] = { visibilityTimeoutSeconds: 45, retentionDays: 14, maxReceiveCount: 3 };
    config.functions!.work!.timeoutSeconds = 100;
    const [dev, prod] = resolveConfig(config).environments;
    expect(dev!.queues).toEqual([
      {
        name: 'jobs',
        queueName: 'shop-dev-jobs',
        visibilityTimeoutSeconds: 600,
        retentionDays: 4,
        maxReceiveCount: 5,
      },
      {
        name: 'audit-log',
        queueName: 'shop-dev-audit-log',
        visibilityTimeoutSeconds: 45,
        retentionDays: 14,
        maxReceiveCount: 3,
      },
    ]);
    expect(prod!.queues![0]!.queueName).toBe('shop-prod-jobs');
    expect(dev!.functions![0]!.events).toEqual({ queue: 'jobs', batchSize: 10, filters: [] });
    expect(dev!.services[0]!.queues).toEqual(['jobs']);
    expect(dev!.stackNames.functions).toBe('shop-dev-functions');
  });

  it('makes the functions stack for queues alone, whose unread queue keeps SQS’s visibility', () => {
    const config = validConfig();
    config.queues = { jobs: {} };
    config.services!.web!.queues = ['jobs'];
    const [dev] = resolveConfig(config).environments;
    expect(dev!.stackNames.functions).toBe('shop-dev-functions');
    expect(dev!.queues![0]!.visibilityTimeoutSeconds).toBe(30);
  });

  it('rejects names and lengths SQS cannot take, with the fix', () => {
    const config = withQueue();
    config.queues!.Bad_Queue = {};
    config.queues![`q${'x'.repeat(60)}`] = {};
    expectIssue(config, 'queues.Bad_Queue', { message: ['lower-case'], fix: ["'bad-queue'"] });
    // shop-prod-<61> is 71 characters; with '-dead-letters' the dead-letter queue would pass SQS's 80.
    expectIssue(config, `queues.q${'x'.repeat(60)}`, {
      message: ['71 characters', 'SQS', 'dead-letters', 'allows 67'],
      fix: ['by 4 characters'],
    });
  });

  it('keeps visibility, retention and receives inside SQS’s ranges', () => {
    const config = withQueue();
    config.queues!.jobs = { visibilityTimeoutSeconds: 50_000, retentionDays: 15, maxReceiveCount: 0 };
    expectIssue(config, 'queues.jobs.visibilityTimeoutSeconds', {
      message: ["outside SQS's 0–43200"],
      fix: ['visibilityTimeoutSeconds:'],
    });
    expectIssue(config, 'queues.jobs.retentionDays', { message: ['1–14 days'], fix: ['retentionDays: 4'] });
    expectIssue(config, 'queues.jobs.maxReceiveCount', { message: ['1–1000'], fix: ['maxReceiveCount: 5'] });
  });

  it('asks for a visibility of at least six times the reading function’s timeout', () => {
    const config = withQueue();
    config.functions!.work!.timeoutSeconds = 60;
    config.queues!.jobs = { visibilityTimeoutSeconds: 120 };
    expectIssue(config, 'queues.jobs.visibilityTimeoutSeconds', {
      message: ['120 seconds', 'six times', '60-second timeout of functions.work'],
      fix: ['360 or more'],
    });
    config.queues!.jobs = { visibilityTimeoutSeconds: 360 };
    expect(resolveConfig(config).environments[0]!.queues![0]!.visibilityTimeoutSeconds).toBe(360);
  });

  it('lets one function read a queue, and points a second to a queue of its own or a topic', () => {
    const config = withQueue();
    config.functions!.again = { entry: ENTRY, events: { queue: 'jobs' } };
    expectIssue(config, 'functions.again.events.queue', {
      message: ["'jobs' queue is already read by functions.work", 'one reader'],
      fix: ['a queue of its own', 'events.topic'],
    });
    expect(issuesOf(config).filter((i) => i.path === 'functions.work.events.queue')).toEqual([]);
  });

  it('refuses undeclared queues with the nearest name, and the variable Slipway sets', () => {
    const config = withQueue();
    config.functions!.work!.events = { queue: 'job', startingPosition: 'latest' };
    config.services!.web!.queues = ['jobz'];
    config.services!.web!.environment = { QUEUE_JOBZ: 'x' };
    expectIssue(config, 'functions.work.events.queue', {
      message: ["no queue named 'job'", "did you mean 'jobs'"],
      fix: ["'jobs'"],
    });
    expectIssue(config, 'functions.work.events.startingPosition', {
      message: ['a queue has no position'],
      fix: ['remove'],
    });
    expectIssue(config, 'services.web.queues[0]', {
      message: ["no queue named 'jobz'", "did you mean 'jobs'"],
      fix: ['use one of'],
    });
    expectIssue(config, 'services.web.environment.QUEUE_JOBZ', {
      message: ['set by Slipway', 'URL'],
      fix: ['remove'],
    });
    delete config.queues;
    config.functions!.work!.events = { queue: 'jobs' };
    expectIssue(config, 'functions.work.events.queue', {
      message: ["no queue named 'jobs'"],
      fix: ['queues: { jobs: {} }'],
    });
  });

  it('asks for exactly one source when a queue is named beside a table or a topic', () => {
    const config = withQueue();
    config.topics = { 'order-events': {} };
    config.functions!.work!.events = { topic: 'order-events', queue: 'jobs' };
    expectIssue(config, 'functions.work.events', {
      message: ['both a topic and a queue'],
      fix: ["events: { queue: 'jobs' }"],
    });
  });

  it('refuses queues in an EKS environment, which has no alarm topic yet', () => {
    const config = validConfig();
    config.queues = { jobs: {} };
    config.environments.dev!.runtime = 'eks';
    expectIssue(config, 'environments.dev.runtime', {
      message: ['queues are built for ECS environments only'],
      fix: ["'ecs'"],
    });
  });
});

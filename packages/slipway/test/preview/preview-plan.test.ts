import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { priceTableFor } from '../../src/cost/prices/index.js';
import { DeployUsageError } from '../../src/deploy/errors.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { previewDatabaseName, previewRoleName, previewSlug } from '../../src/naming/preview-names.js';
import { PreviewError } from '../../src/preview/errors.js';
import { estimatePreviewCost, HOURS_PER_MONTH } from '../../src/preview/preview-cost.js';
import { choosePort, PREVIEW_PORTS, planPreview, previewSource } from '../../src/preview/preview-plan.js';
import { parseDuration } from '../../src/preview/preview-prune.js';
import { validConfig } from '../config/fixtures.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');
const BRANCH = 'feat/Login_Page';
const SLUG = previewSlug(BRANCH);

let medications: AppModel;
let megadolls: AppModel;
beforeAll(async () => {
  medications = await loadConfig(path.join(EXAMPLES, 'medications/slipway.config.ts'));
  megadolls = await loadConfig(path.join(EXAMPLES, 'megadolls/slipway.config.ts'));
});

function environment(model: AppModel, name: string): EnvironmentModel {
  const found = model.environments.find((e) => e.name === name);
  if (!found) throw new Error(`${model.app} has no ${name} environment`);
  return found;
}

/** The model with its `dev` environment replaced by `change(dev)`. */
function withDev(model: AppModel, change: (dev: EnvironmentModel) => EnvironmentModel): AppModel {
  return {
    ...model,
    environments: model.environments.map((e) => (e.name === 'dev' ? change(e) : e)),
  };
}

function withoutPreviews(model: AppModel): AppModel {
  return { ...model, delivery: { ...model.delivery!, preview: undefined } };
}

function previewError(work: () => unknown): PreviewError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(PreviewError);
    return error as PreviewError;
  }
  expect.fail('expected a PreviewError');
}

/** The port after `port` in the range, wrapping from the last to the first. */
function nextPort(port: number): number {
  return port === PREVIEW_PORTS.last ? PREVIEW_PORTS.first : port + 1;
}

describe('planPreview (medications)', () => {
  it('copies dev, the non-production environment', () => {
    const plan = planPreview(medications, { branch: BRANCH });
    expect(plan.source).toBe(environment(medications, 'dev'));
    expect(previewSource(medications).name).toBe('dev');
    expect(plan.environment.name).toBe('dev');
    expect(plan.environment.account).toBe(plan.source.account);
    expect(plan).toMatchObject({
      app: 'medications',
      branch: BRANCH,
      slug: SLUG,
      stackName: `medications-pr-${SLUG}`,
    });
  });

  it('runs every service as one Spot task, without scaling, with a rolling deploy', () => {
    const plan = planPreview(medications, { branch: BRANCH });
    expect(plan.environment.capacity).toBe('spot');
    expect(plan.environment.services.map((s) => s.name)).toEqual(plan.source.services.map((s) => s.name));
    for (const service of plan.environment.services) {
      expect(service).toMatchObject({
        capacity: 'spot',
        desiredCount: 1,
        minCount: 1,
        maxCount: 1,
        scaling: {},
        deployment: { strategy: 'rolling' },
      });
    }
  });

  it('overrides what a bigger source environment sets', () => {
    const big = withDev(medications, (dev) => ({
      ...dev,
      capacity: 'on-demand',
      services: dev.services.map((s) => ({
        ...s,
        capacity: 'on-demand' as const,
        desiredCount: 3,
        minCount: 2,
        maxCount: 6,
        scaling: { cpuPercent: 50, requestsPerTarget: 100 },
        deployment: { strategy: 'canary' as const, canaryPercent: 10, bakeMinutes: 10 },
      })),
    }));
    const [api] = planPreview(big, { branch: BRANCH }).environment.services;
    expect(api).toMatchObject({ capacity: 'spot', desiredCount: 1, minCount: 1, maxCount: 1, scaling: {} });
    expect(api?.deployment).toEqual({ strategy: 'rolling' });
    // The source model is left as it was.
    expect(environment(big, 'dev').services[0]?.desiredCount).toBe(3);
  });

  it("renames the database to the preview's own database and role", () => {
    const plan = planPreview(medications, { branch: BRANCH });
    const expected = {
      name: 'main',
      databaseName: previewDatabaseName('medications', SLUG),
      roleName: previewRoleName('medications_app', SLUG),
    };
    expect(expected.databaseName).toBe('medications_pr_feat_login_page_c04c44');
    expect(plan.databases).toEqual([expected]);
    expect(plan.environment.databases).toEqual([
      {
        ...environment(medications, 'dev').databases[0],
        databaseName: expected.databaseName,
        appUsername: expected.roleName,
      },
    ]);
  });

  it('lists only the databases its services use', () => {
    const twoDatabases = withDev(medications, (dev) => ({
      ...dev,
      databases: [
        ...dev.databases,
        { ...dev.databases[0]!, name: 'reports', databaseName: 'reports', appUsername: 'reports_app' },
      ],
    }));
    const plan = planPreview(twoDatabases, { branch: BRANCH });
    expect(plan.databases.map((d) => d.name)).toEqual(['main']);
    const reports = plan.environment.databases.find((d) => d.name === 'reports');
    expect(reports).toMatchObject({ databaseName: 'reports', appUsername: 'reports_app' });
  });

  it('names one service stack per service after the preview stack, sharing the layer stacks', () => {
    const plan = planPreview(medications, { branch: BRANCH });
    const dev = environment(medications, 'dev');
    expect(plan.environment.stackNames).toEqual({
      network: dev.stackNames.network,
      data: dev.stackNames.data,
      runtime: dev.stackNames.runtime,
      monitoring: dev.stackNames.monitoring,
      services: { api: `medications-pr-${SLUG}-api` },
    });
  });

  it('takes a port in PREVIEW_PORTS, the same for the same slug', () => {
    const plan = planPreview(medications, { branch: BRANCH });
    expect(plan.port).toBeGreaterThanOrEqual(PREVIEW_PORTS.first);
    expect(plan.port).toBeLessThanOrEqual(PREVIEW_PORTS.last);
    expect(planPreview(medications, { branch: BRANCH }).port).toBe(plan.port);
    expect(planPreview(megadolls, { branch: `refs/heads/${BRANCH}` }).port).toBe(plan.port);
    expect(choosePort(SLUG, new Set())).toBe(plan.port);
  });

  it('takes the next free port when its own is taken', () => {
    const own = planPreview(medications, { branch: BRANCH }).port;
    const moved = planPreview(medications, { branch: BRANCH, takenPorts: new Set([own]) });
    expect(moved.port).toBe(nextPort(own));
    const twice = planPreview(medications, {
      branch: BRANCH,
      takenPorts: new Set([own, nextPort(own)]),
    });
    expect(twice.port).toBe(nextPort(nextPort(own)));
  });

  it('keeps the port and creation time of a deployed preview', () => {
    const existing = { port: 9123, createdAt: '2024-05-06T07:08:09.000Z' };
    const plan = planPreview(medications, {
      branch: BRANCH,
      existing,
      takenPorts: new Set([9123]),
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(plan.port).toBe(9123);
    expect(plan.createdAt).toBe(existing.createdAt);
  });

  it('stamps a new preview with now', () => {
    const plan = planPreview(medications, { branch: BRANCH, now: new Date('2025-03-04T05:06:07Z') });
    expect(plan.createdAt).toBe('2025-03-04T05:06:07.000Z');
    const before = Date.now();
    const unstamped = Date.parse(planPreview(medications, { branch: BRANCH }).createdAt);
    expect(unstamped).toBeGreaterThanOrEqual(before);
    expect(unstamped).toBeLessThanOrEqual(Date.now());
  });
});

describe('planPreview with previews off', () => {
  it('names delivery.previewBranches when the model has no preview settings', () => {
    const error = previewError(() => planPreview(withoutPreviews(medications), { branch: BRANCH }));
    expect(error.field).toBe('delivery.previewBranches');
    expect(error.message).toMatch(/^delivery\.previewBranches: previews are off for this app/);
    expect(error.message).toMatch(/Fix: Set delivery\.previewBranches/);
  });

  it('names delivery.previewBranches when the config sets previewBranches: []', () => {
    const model = resolveConfig({ ...validConfig(), delivery: { previewBranches: [] } });
    expect(model.delivery?.preview).toBeUndefined();
    const error = previewError(() => planPreview(model, { branch: BRANCH }));
    expect(error.field).toBe('delivery.previewBranches');
  });

  it('resolves previews on by default for the same config', () => {
    const model = resolveConfig(validConfig());
    expect(planPreview(model, { branch: BRANCH }).source.name).toBe('dev');
  });
});

describe('choosePort', () => {
  const own = choosePort(SLUG, new Set());
  const all = Array.from(
    { length: PREVIEW_PORTS.last - PREVIEW_PORTS.first + 1 },
    (_, i) => PREVIEW_PORTS.first + i,
  );

  it('spreads slugs over the range', () => {
    const ports = ['a', 'b', 'c', 'login', 'feat-x', 'fix-y'].map((slug) => choosePort(slug, new Set()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(PREVIEW_PORTS.first);
      expect(port).toBeLessThanOrEqual(PREVIEW_PORTS.last);
    }
    expect(new Set(ports).size).toBeGreaterThan(1);
  });

  it('wraps around from the last port to the first', () => {
    const upToLast = new Set(all.filter((port) => port >= own));
    expect(choosePort(SLUG, upToLast)).toBe(PREVIEW_PORTS.first);
    // Only the port just before its own is free: the search goes all the way round to it.
    const before = own === PREVIEW_PORTS.first ? PREVIEW_PORTS.last : own - 1;
    expect(choosePort(SLUG, new Set(all.filter((port) => port !== before)))).toBe(before);
  });

  it('throws a PreviewError when every port is taken', () => {
    const error = previewError(() => choosePort(SLUG, new Set(all)));
    expect(error.message).toMatch(/all 999 preview ports of the load balancer are taken/);
    expect(error.message).toMatch(/slipway preview prune/);
  });
});

describe('parseDuration', () => {
  it('reads days, hours and minutes', () => {
    expect(parseDuration('7d')).toBe(7 * 24 * 60 * 60 * 1000);
    expect(parseDuration('36h')).toBe(36 * 60 * 60 * 1000);
    expect(parseDuration('90m')).toBe(90 * 60 * 1000);
    expect(parseDuration(' 3d ')).toBe(3 * 24 * 60 * 60 * 1000);
    expect(parseDuration('0m')).toBe(0);
  });

  it.each(['7', '7w', '-1d', '', 'd', '1.5h', '7dd', 'seven days'])(
    'refuses %j with a DeployUsageError naming the forms it accepts',
    (text) => {
      expect(() => parseDuration(text)).toThrow(DeployUsageError);
      expect(() => parseDuration(text)).toThrow(
        /^--older-than ".*" is not a duration\. Fix: write a whole number with d, h or m, e\.g\. 7d, 36h, 90m\.$/,
      );
    },
  );
});

describe('estimatePreviewCost', () => {
  const prices = priceTableFor('us-east-1').prices;
  const spot = prices['fargate.spot-factor'].usd;

  /** On-demand hourly price of one ARM task of `cpu` units and `memory` MiB, from the table. */
  const armTask = (cpu: number, memory: number) =>
    (cpu / 1024) * prices['fargate.arm.vcpu-hour'].usd + (memory / 1024) * prices['fargate.arm.gb-hour'].usd;

  it('prices medications at one Spot ARM 0.25 vCPU / 0.5 GB task, its public IPv4 and its Cloud Map entry, about $0.008/h', () => {
    const dev = environment(medications, 'dev');
    expect(dev.ingress).toBe('http-api');
    expect(dev.services[0]).toMatchObject({ cpu: 256, memory: 512, architecture: 'arm64' });
    // (0.25 vCPU × ARM vCPU-hour + 0.5 GB × ARM GB-hour) × Spot factor + one public IPv4 address-hour
    // + the copy's own Cloud Map registration (the HTTP API and other copies reach it by), a month's
    // price by the hour
    const expected =
      armTask(256, 512) * spot +
      prices['ipv4.address-hour'].usd +
      prices['cloudmap.registered-instance-month'].usd / HOURS_PER_MONTH;
    const estimate = estimatePreviewCost(medications);
    expect(estimate?.environment).toBe('dev');
    expect(estimate?.usdPerHour).toBeCloseTo(expected, 10);
    expect(estimate?.usdPerHour).toBeCloseTo(0.008, 3);
    expect(estimate?.basis).toBe(
      "1 Fargate Spot task (one per service) and its public IPv4 address; the VPC, HTTP API and database instance are dev's",
    );
  });

  it('adds no public address cost for megadolls, whose dev tasks sit behind a NAT gateway', () => {
    const dev = environment(megadolls, 'dev');
    expect(dev.network.natGateways).toBeGreaterThan(0);
    expect(dev.services.every((s) => s.architecture === 'arm64')).toBe(true);
    // Each copy's task on Spot, and its own Cloud Map registration (the other copies call it by).
    const expected = dev.services.reduce(
      (sum, s) =>
        sum +
        armTask(s.cpu, s.memory) * spot +
        prices['cloudmap.registered-instance-month'].usd / HOURS_PER_MONTH,
      0,
    );
    const estimate = estimatePreviewCost(megadolls);
    expect(estimate?.usdPerHour).toBeCloseTo(expected, 10);
    expect(estimate?.basis).toMatch(/^2 Fargate Spot tasks \(one per service\); the VPC/);
    expect(estimate?.basis).not.toMatch(/IPv4/);
  });

  it('is undefined when previews are off', () => {
    expect(estimatePreviewCost(withoutPreviews(medications))).toBeUndefined();
  });
});

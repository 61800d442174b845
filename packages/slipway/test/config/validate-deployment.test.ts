import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { expectIssue, validConfig } from './fixtures.js';

describe('deployment strategies', () => {
  it('requires a percent and a bake time for canary', () => {
    const config = validConfig();
    config.services!.web!.deployment = { strategy: 'canary' };
    expectIssue(config, 'services.web.deployment.canaryPercent', {
      message: ["'canary' needs canaryPercent", "service 'web'"],
      fix: ['set deployment.canaryPercent, e.g. 10'],
    });
    expectIssue(config, 'services.web.deployment.bakeMinutes', {
      message: ["'canary' needs bakeMinutes"],
      fix: ['set deployment.bakeMinutes'],
    });
  });

  it('requires a step and an interval for linear', () => {
    const config = validConfig();
    config.environments.prod!.services = { web: { deployment: { strategy: 'linear', bakeMinutes: 5 } } };
    expectIssue(config, 'environments.prod.services.web.deployment.stepPercent', {
      message: ["'linear' needs stepPercent", "service 'web'"],
      fix: ['deployment.stepPercent'],
    });
    expectIssue(config, 'environments.prod.services.web.deployment.stepMinutes', {
      message: ["'linear' needs stepMinutes"],
      fix: ['deployment.stepMinutes'],
    });
  });

  it('refuses a tenth the schema cannot divide exactly by 0.1, naming the nearest that pass', () => {
    const config = validConfig();
    config.services!.web!.deployment = { strategy: 'linear', stepPercent: 33.3, stepMinutes: 5 };
    expectIssue(config, 'services.web.deployment.stepPercent', {
      message: ['33.3 is a tenth', 'multipleOf 0.1', '332.99999999999994'],
      fix: ['use 33.2 or 33.5'],
    });
    config.services!.web!.deployment = { strategy: 'canary', canaryPercent: 12.5, bakeMinutes: 5 };
    expect(() => resolveConfig(config)).not.toThrow();
  });

  it('requires a bake time for blue/green', () => {
    const config = validConfig();
    config.services!.web!.deployment = { strategy: 'blue-green' };
    expectIssue(config, 'services.web.deployment.bakeMinutes', {
      message: ["'blue-green' needs bakeMinutes"],
      fix: ['e.g. 10'],
    });
  });

  it('rejects traffic shifting on a service without a load balancer', () => {
    const config = validConfig();
    config.services!.worker = {
      port: 9000,
      public: false,
      deployment: { strategy: 'canary', canaryPercent: 10, bakeMinutes: 5 },
    };
    expectIssue(config, 'services.worker.deployment.strategy', {
      message: ["'canary' shifts load-balancer traffic", "'worker' is not public"],
      fix: ["strategy 'rolling'", 'make the service public'],
    });
  });

  it('rejects a field that belongs to another strategy', () => {
    const config = validConfig();
    config.services!.web!.deployment = { strategy: 'rolling', canaryPercent: 10 };
    expectIssue(config, 'services.web.deployment.canaryPercent', {
      message: ["does not apply to the 'rolling' strategy"],
      fix: ["'canary'"],
    });
  });

  it('rejects percentages and times outside what ECS accepts', () => {
    const config = validConfig();
    config.services!.web!.deployment = { strategy: 'linear', stepPercent: 2.5, stepMinutes: 2000 };
    expectIssue(config, 'services.web.deployment.stepPercent', {
      message: ['2.5 is outside 3–100 in steps of 0.1'],
      fix: ['between 3 and 100'],
    });
    expectIssue(config, 'services.web.deployment.stepMinutes', {
      message: ['2000 is outside 0–1440'],
      fix: ['between 0 and 1440'],
    });
    config.services!.web!.deployment = { strategy: 'canary', canaryPercent: 10.05, bakeMinutes: 10 };
    expectIssue(config, 'services.web.deployment.canaryPercent', {
      message: ['in steps of 0.1'],
      fix: ['e.g. 10'],
    });
  });

  it('accepts a linear rollout without bakeMinutes, which bakes after the last step as long as between steps', () => {
    // ECS takes no bake time for linear as "36 hours", longer than CloudFormation waits, so the
    // resolved model always carries one.
    const config = validConfig();
    config.services!.web!.deployment = { strategy: 'linear', stepPercent: 20, stepMinutes: 3 };
    expect(resolveConfig(config).environments[1]!.services[0]!.deployment).toEqual({
      strategy: 'linear',
      stepPercent: 20,
      stepMinutes: 3,
      bakeMinutes: 3,
    });
  });

  it('rejects a linear rollout longer than CloudFormation waits for', () => {
    const config = validConfig();
    // 10 % steps are 9 waits of 200 minutes, plus 180 minutes of bake: 1980 minutes, the 33-hour limit.
    config.services!.web!.deployment = {
      strategy: 'linear',
      stepPercent: 10,
      stepMinutes: 200,
      bakeMinutes: 180,
    };
    expect(resolveConfig(config).environments[1]!.services[0]!.deployment.bakeMinutes).toBe(180);
    config.services!.web!.deployment = {
      strategy: 'linear',
      stepPercent: 10,
      stepMinutes: 200,
      bakeMinutes: 181,
    };
    expectIssue(config, 'services.web.deployment.bakeMinutes', {
      message: ["'linear' rollout of service 'web' takes 1981 minutes", '9 steps × 200', '1980'],
      fix: ['shorten stepMinutes or bakeMinutes', 'larger stepPercent'],
    });
  });

  it('rejects a canary that bakes longer than CloudFormation waits for', () => {
    const config = validConfig();
    // Slipway bakes the canary and then the full shift for bakeMinutes each.
    config.services!.web!.deployment = { strategy: 'canary', canaryPercent: 10, bakeMinutes: 1000 };
    expectIssue(config, 'services.web.deployment.bakeMinutes', {
      message: ["'canary' rollout of service 'web' takes 2000 minutes", '1980'],
      fix: ['at most 990'],
    });
  });

  it('accepts a complete linear rollout', () => {
    const config = validConfig();
    config.services!.web!.deployment = {
      strategy: 'linear',
      stepPercent: 20,
      stepMinutes: 3,
      bakeMinutes: 5,
    };
    expect(resolveConfig(config).environments[1]!.services[0]!.deployment).toEqual({
      strategy: 'linear',
      stepPercent: 20,
      stepMinutes: 3,
      bakeMinutes: 5,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { expectIssue, validConfig } from './fixtures.js';

describe('environments', () => {
  it('rejects a config with no environments', () => {
    expectIssue({ ...validConfig(), environments: {} }, 'environments', {
      message: ['declares no environments'],
      fix: ["dev: { account: '111111111111'"],
    });
  });

  it('rejects an account id that is not 12 digits', () => {
    const config = validConfig();
    config.environments.dev!.account = '1111-2222-3333';
    expectIssue(config, 'environments.dev.account', {
      message: ["'1111-2222-3333' is not a 12-digit"],
      fix: ["'111111111111'"],
    });
  });

  it('rejects a log retention CloudWatch does not accept and suggests the next one', () => {
    const config = validConfig();
    config.environments.prod!.logRetentionDays = 100;
    expectIssue(config, 'environments.prod.logRetentionDays', {
      message: ['100 days is not a retention CloudWatch Logs accepts'],
      fix: ['use 120 or another of'],
    });
  });

  it('rejects a certificate from another region than the load balancer', () => {
    const config = validConfig();
    config.environments.prod!.domain = {
      name: 'shop.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:222222222222:certificate/0b6f3c2e-1111-2222-3333-444455556666',
    };
    expectIssue(config, 'environments.prod.domain.certificateArn', {
      message: ['the certificate is in 222222222222/us-east-1', '(222222222222/eu-west-1)'],
      fix: ['in eu-west-1 of account 222222222222'],
    });
  });

  it('accepts a domain with a certificate in its own account and region', () => {
    const config = validConfig();
    const domain = {
      name: 'shop.example.com',
      certificateArn: 'arn:aws:acm:eu-west-1:222222222222:certificate/0b6f3c2e-1111-2222-3333-444455556666',
    };
    config.environments.prod!.domain = domain;
    expect(resolveConfig(config).environments[1]!.domain).toEqual(domain);
  });

  it('rejects a domain for an environment with no public service, which has no load balancer', () => {
    const config = validConfig();
    config.services!.web!.public = false;
    config.environments.prod!.domain = {
      name: 'shop.example.com',
      certificateArn: 'arn:aws:acm:eu-west-1:222222222222:certificate/0b6f3c2e-1111-2222-3333-444455556666',
    };
    expectIssue(config, 'environments.prod.domain', {
      message: ["no service of 'prod' is public", 'no load balancer'],
      fix: ['remove domain', 'public'],
    });
  });

  it('rejects impossible usage assumptions', () => {
    const config = validConfig();
    config.usage = { natGbPerMonth: -1 };
    config.environments.dev!.usage = { hoursPerMonth: 800 };
    expectIssue(config, 'usage.natGbPerMonth', { message: ['-1 is negative'], fix: ['0 or more'] });
    expectIssue(config, 'environments.dev.usage.hoursPerMonth', {
      message: ['800 hours is not a month'],
      fix: ['1–744'],
    });
  });

  it('rejects an invalid image tag', () => {
    const config = validConfig();
    config.environments.dev!.imageTag = 'dev latest';
    expectIssue(config, 'environments.dev.imageTag', {
      message: ["'dev latest' is not a valid image tag"],
      fix: ["'dev-latest'"],
    });
  });
});

describe('acknowledgements', () => {
  it('requires IAM5 to be acknowledged per finding on one resource of one stack', () => {
    const config = validConfig();
    config.acknowledgements = [
      { rule: 'AwsSolutions-IAM5', reason: 'the deploy role needs to read any stack' },
    ];
    expectIssue(config, 'acknowledgements[0].rule', {
      message: ['acknowledges every IAM5 finding at once'],
      fix: ["'AwsSolutions-IAM5[Resource::*]'"],
    });
    expectIssue(config, 'acknowledgements[0].stack', {
      message: ['IAM5 is acknowledged per finding'],
      fix: ['set stack'],
    });
    expectIssue(config, 'acknowledgements[0].resource', {
      message: ['never for a whole stack'],
      fix: ['set resource'],
    });
  });

  it('requires a reason a reviewer can read', () => {
    const config = validConfig();
    config.acknowledgements = [{ rule: 'Slipway-DB1', stack: 'shop-dev-data', reason: 'ok' }];
    expectIssue(config, 'acknowledgements[0].reason', {
      message: ['too short'],
      fix: ['explain in a sentence'],
    });
  });

  it('rejects a stack this config does not derive', () => {
    const config = validConfig();
    config.acknowledgements = [
      { rule: 'Slipway-DB1', stack: 'shop-dev-dta', reason: 'dev data is disposable test fixtures' },
    ];
    expectIssue(config, 'acknowledgements[0].stack', {
      message: ["no stack named 'shop-dev-dta'", "did you mean 'shop-dev-data'"],
      fix: ["'shop-ci'"],
    });
  });

  it('rejects the pack-prefixed rule form', () => {
    const config = validConfig();
    config.acknowledgements = [
      {
        rule: 'AwsSolutions::AwsSolutions-ELB2',
        stack: 'shop-dev-runtime',
        reason: 'access logs are off in dev to save cost',
      },
    ];
    expectIssue(config, 'acknowledgements[0].rule', {
      message: ['pack-prefixed form'],
      fix: ["'AwsSolutions-ELB2'"],
    });
  });
});

import { describe, it } from 'vitest';
import { expectIssue, validConfig } from './fixtures.js';

describe('regions and zones', () => {
  it('rejects an unknown region and guesses the intended one', () => {
    const config = validConfig();
    config.environments.dev!.region = 'us-east-7';
    expectIssue(config, 'environments.dev.region', {
      message: [
        "'us-east-7' is not an AWS region Slipway knows",
        "did you mean 'us-east-1'",
        'region table from cfn-lint',
      ],
      fix: ["'us-east-1'"],
    });
  });

  it('rejects a zone of another region and lists the right ones', () => {
    const config = validConfig();
    config.environments.prod!.availabilityZones = ['eu-west-1a', 'eu-west-2b'];
    expectIssue(config, 'environments.prod.availabilityZones[1]', {
      message: ["'eu-west-2b' is not a zone of eu-west-1"],
      fix: ["'eu-west-1a', 'eu-west-1b' or 'eu-west-1c'"],
    });
  });

  it('rejects more zones than the region offers an account', () => {
    const config = validConfig();
    config.environments.dev!.region = 'us-west-1';
    config.environments.dev!.availabilityZones = ['us-west-1a', 'us-west-1b', 'us-west-1c'];
    expectIssue(config, 'environments.dev.availabilityZones', {
      message: ['lists 3 zones, but an account can use at most 2 in us-west-1'],
      fix: ['at most 2'],
    });
  });

  it('requires at least two zones', () => {
    const config = validConfig();
    config.environments.dev!.availabilityZones = ['us-east-1a'];
    expectIssue(config, 'environments.dev.availabilityZones', {
      message: ['lists 1 zone(s)', 'at least 2'],
      fix: ["'us-east-1a', 'us-east-1b' or 'us-east-1c'"],
    });
  });

  it('rejects a zone listed twice', () => {
    const config = validConfig();
    config.environments.dev!.availabilityZones = ['us-east-1a', 'us-east-1b', 'us-east-1a'];
    expectIssue(config, 'environments.dev.availabilityZones[2]', {
      message: ['listed twice'],
      fix: ['once'],
    });
  });

  it('rejects a database class the region does not offer', () => {
    const config = validConfig();
    config.environments.prod!.region = 'af-south-1';
    config.environments.prod!.availabilityZones = ['af-south-1a', 'af-south-1b', 'af-south-1c'];
    config.environments.prod!.databases = { main: { instanceClass: 'db.r8g.large' } };
    expectIssue(config, 'environments.prod.databases.main.instanceClass', {
      message: [
        "RDS does not offer db.r8g.large in af-south-1 for any PostgreSQL 13–18 version (environment 'prod'",
      ],
      fix: ['such as db.t4g.micro', 'db.r6g (large'],
    });
  });

  it('rejects an unknown CI region', () => {
    const config = validConfig();
    config.ci = { region: 'eu-wst-1' };
    expectIssue(config, 'ci.region', { message: ["did you mean 'eu-west-1'"], fix: ['region code'] });
  });
});

import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve.js';
import type { SlipwayConfig } from '../../../src/config/schema.js';
import { expectIssue, validConfig } from '../../config/fixtures.js';

describe('checks.controlTower in the config', () => {
  it('is on unless the config turns it off', () => {
    expect(resolveConfig(validConfig()).checks).toEqual({ controlTower: true });
    const off = { ...validConfig(), checks: { controlTower: false } };
    expect(resolveConfig(off).checks).toEqual({ controlTower: false });
  });

  it('rejects a value that is not true or false, naming the field', () => {
    const config = { ...validConfig(), checks: { controlTower: 'yes' } } as unknown as SlipwayConfig;
    expectIssue(config, 'checks.controlTower', {
      message: ["got 'yes'"],
      fix: ['true or false'],
    });
  });

  it('accepts an acknowledgement of a Control Tower control by its id', () => {
    const config = validConfig();
    config.acknowledgements = [
      {
        rule: 'CT.RDS.PR.1',
        stack: 'shop-dev-data',
        reason: 'Dev runs its database in one zone to halve its cost; production is Multi-AZ.',
      },
    ];
    expect(resolveConfig(config).acknowledgements.map((ack) => ack.rule)).toEqual(['CT.RDS.PR.1']);
  });
});

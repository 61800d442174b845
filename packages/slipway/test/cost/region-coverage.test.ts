import { describe, expect, it } from 'vitest';
import { knownInstanceClasses, parseInstanceClass } from '../../src/config/data/postgres-versions.js';
import { REGIONS } from '../../src/config/data/regions.js';
import { estimateEnvironmentCost } from '../../src/cost/estimate.js';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import { US_EAST_1 } from '../../src/cost/prices/us-east-1.js';
import { PRICED_RDS_FAMILIES } from '../../src/cost/prices/us-east-1-rds.js';
import { database, stack, usage } from './fixtures.js';

const regions = Object.keys(REGIONS);
const accepted = knownInstanceClasses();

describe('price tables for every region the config accepts', () => {
  it.each(regions)('%s has a table with every figure', (region) => {
    const table = PRICE_TABLES[region];
    expect(table, `no price table for ${region}: add it to regional-figures.ts`).toBeDefined();
    expect(Object.keys(table!.prices).sort()).toEqual(Object.keys(US_EAST_1.prices).sort());
  });

  it.each(regions)(
    '%s prices every instance class the config accepts, save the families without a figure',
    (region) => {
      const table = PRICE_TABLES[region]!;
      const missing = accepted.filter((instanceClass) => !table.rdsInstanceHour[instanceClass]);
      for (const instanceClass of missing) {
        expect(PRICED_RDS_FAMILIES, instanceClass).not.toContain(parseInstanceClass(instanceClass)?.family);
      }
    },
  );

  it.each(regions)(
    '%s says "not priced" for an accepted class it has no price for, and prices the rest',
    (region) => {
      const table = PRICE_TABLES[region]!;
      for (const instanceClass of accepted) {
        const estimate = estimateEnvironmentCost([stack('d', { Db: database({ instanceClass }) })], {
          region,
          usage: usage(),
        });
        const [instance] = estimate.lines;
        if (table.rdsInstanceHour[instanceClass]) {
          expect(instance?.unpriced, instanceClass).toBeUndefined();
          expect(instance?.usd, instanceClass).toBeGreaterThan(0);
        } else {
          expect(instance?.basis, instanceClass).toContain(
            `not priced: no bundled price for instance class ${instanceClass}`,
          );
          expect(estimate.unpriced.map((u) => u.reason).join(), instanceClass).toContain(instanceClass);
        }
      }
    },
  );
});

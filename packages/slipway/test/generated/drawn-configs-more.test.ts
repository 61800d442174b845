import { describe, it } from 'vitest';
import { assertDrawnConfigsPlanClean } from './drawn-plan.js';

/** The second half of the drawn plans (drawn-configs.test.ts has the first), on its own worker. */
describe('every drawn config, second half', () => {
  it('plans with zero unacknowledged errors and prices every environment', () => {
    assertDrawnConfigsPlanClean(70, 1);
  }, 900_000);
});

import { describe, it } from 'vitest';
import { assertDrawnConfigsPlanClean } from './drawn-plan.js';
import { DRAWN_PLANS } from './drawn-plan-count.js';

/** The second half of the drawn plans (drawn-configs.test.ts has the first), on its own worker. */
describe('every drawn config, second half', () => {
  it('plans with zero unacknowledged errors and prices every environment', () => {
    assertDrawnConfigsPlanClean({ count: DRAWN_PLANS, wideRuns: 1400, part: 1, parts: 2 });
  }, 900_000);
});

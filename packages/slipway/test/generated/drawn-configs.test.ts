import fc from 'fast-check';
import { describe, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { validConfig } from './config-arbitraries.js';
import { drawSettings } from './draw-settings.js';
import { assertDrawnConfigsPlanClean } from './drawn-plan.js';
import { acceptedRegions } from './region-choices.js';

/**
 * Configs nobody hand-wrote: each drawn config must resolve, plan with zero unacknowledged error
 * findings, and price every environment and the shared stacks. A failure shows the shrunk config.
 * The plans are split with drawn-configs-more.test.ts, so two workers share them.
 */
describe('every drawn config', () => {
  it('resolves without a config error', () => {
    fc.assert(
      fc.property(validConfig({ regions: acceptedRegions() }), (config) => {
        resolveConfig(config);
      }),
      drawSettings(1000),
    );
  });

  it('plans with zero unacknowledged errors and prices every environment (first half)', () => {
    assertDrawnConfigsPlanClean(70, 0);
  }, 900_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { validConfig } from './config-arbitraries.js';
import { drawSettings, unitSeed } from './draw-settings.js';
import { coveringDraws, DRAWN_FEATURES, drawPool, featuresOfAll } from './drawn-features.js';
import { assertDrawnConfigsPlanClean } from './drawn-plan.js';
import { DRAWN_PLANS } from './drawn-plan-count.js';
import { acceptedRegions } from './region-choices.js';

/**
 * Configs nobody hand-wrote: each drawn config must resolve, plan with zero unacknowledged error
 * findings, and price every environment and the shared stacks. The plans are split with
 * drawn-configs-more.test.ts, so two workers share them.
 */
describe('every drawn config', () => {
  it('resolves without a config error', () => {
    fc.assert(
      fc.property(validConfig({ regions: acceptedRegions() }), (config) => {
        resolveConfig(config);
      }),
      drawSettings(300),
    );
  });

  it('is planned in a pick that exercises every feature the generator draws', () => {
    // The pool the pick comes from holds every feature: a generator that stops drawing one fails here.
    const pooled = new Set(drawPool(unitSeed()).flatMap((draw) => [...draw.features]));
    expect(DRAWN_FEATURES.filter((feature) => !pooled.has(feature))).toEqual([]);
    const picked = coveringDraws(unitSeed(), DRAWN_PLANS);
    expect(picked).toHaveLength(DRAWN_PLANS);
    expect(DRAWN_FEATURES.filter((feature) => !featuresOfAll(picked).has(feature))).toEqual([]);
  });

  it('plans with zero unacknowledged errors and prices every environment (first half)', () => {
    assertDrawnConfigsPlanClean({ count: DRAWN_PLANS, wideRuns: 1400, part: 0, parts: 2 });
  }, 900_000);
});

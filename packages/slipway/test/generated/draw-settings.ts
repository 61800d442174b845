/**
 * How many configs a generated-config test draws, and from which seed. The unit run uses a fixed
 * seed so CI is repeatable; `npm run test:wide` draws thousands from a fresh seed, and a failure
 * prints the seed and the shrunk config to replay it with SLIPWAY_DRAW_SEED.
 */
import type fc from 'fast-check';

const wide = process.env['SLIPWAY_WIDE'] === '1';

/**
 * Settings for `fc.assert`: `unit` draws in the ordinary run, `wideRuns` under test:wide. `part`
 * moves the fixed seed, so one property split over several test files (run side by side) draws
 * different configs in each.
 */
export function drawSettings(unit: number, wideRuns = unit * 20, part = 0): fc.Parameters<unknown> {
  const seedText = process.env['SLIPWAY_DRAW_SEED'];
  const seed =
    seedText === undefined
      ? wide
        ? Date.now() ^ (Math.random() * 2 ** 31)
        : 20_261_202 + part
      : Number(seedText) + part;
  return { numRuns: wide ? wideRuns : unit, seed, endOnFailure: false };
}

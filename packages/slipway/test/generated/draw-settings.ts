/**
 * How many configs a generated-config test draws, and from which seed. The unit run uses a fixed
 * seed so CI is repeatable; `npm run test:wide` draws thousands from a fresh seed, and a failure
 * prints the seed and the shrunk config to replay it with SLIPWAY_DRAW_SEED.
 */
import type fc from 'fast-check';

/** Whether this is the `test:wide` run, which draws thousands of configs at random. */
export const wide = process.env['SLIPWAY_WIDE'] === '1';

/**
 * Settings for `fc.assert`: `unit` draws in the ordinary run, `wideRuns` under test:wide. `part`
 * moves the fixed seed, so one property split over several test files (run side by side) draws
 * different configs in each.
 */
export function drawSettings(unit: number, wideRuns = unit * 20, part = 0): fc.Parameters<unknown> {
  const seed =
    wide && process.env['SLIPWAY_DRAW_SEED'] === undefined
      ? Date.now() ^ (Math.random() * 2 ** 31)
      : unitSeed(part);
  return { numRuns: wide ? wideRuns : unit, seed, endOnFailure: false };
}

/** The fixed seed of the unit run (or SLIPWAY_DRAW_SEED's), moved by `part`. */
export function unitSeed(part = 0): number {
  const seedText = process.env['SLIPWAY_DRAW_SEED'];
  return (seedText === undefined ? 20_261_202 : Number(seedText)) + part;
}

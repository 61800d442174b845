import fc from 'fast-check';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { validConfig } from './config-arbitraries.js';
import { drawSettings, unitSeed, wide } from './draw-settings.js';
import { coveringDraws } from './drawn-features.js';
import { acceptedRegions } from './region-choices.js';

export interface DrawnRun {
  /** Draws in the unit run: a pick that exercises every drawn feature, filled up with others. */
  readonly count: number;
  /** Random draws under `test:wide`. */
  readonly wideRuns: number;
  /** Which share of the unit pick this test file takes, of `parts`, so files split it. @default 0 of 1 */
  readonly part?: number;
  readonly parts?: number;
  /** Pick by features per stack (cheap draws first) or by features alone (the richest). @default true */
  readonly perStack?: boolean;
}

/**
 * The configs a generated-config test checks in the unit run: this file's share of the covering
 * pick, the same in every run (the seed is fixed, or SLIPWAY_DRAW_SEED's).
 */
export function unitDraws(run: DrawnRun): SlipwayConfig[] {
  const parts = run.parts ?? 1;
  const part = run.part ?? 0;
  return coveringDraws(unitSeed(), run.count, { perStack: run.perStack ?? true }).filter(
    (_, index) => index % parts === part,
  );
}

/**
 * Checks a property on drawn configs: in the unit run on this file's share of the covering pick,
 * naming the seed and the failing config; under `test:wide` on random draws from a fresh seed,
 * with fast-check's shrinking and replay path.
 */
export function forDrawnConfigs(run: DrawnRun, check: (config: SlipwayConfig) => void): void {
  if (wide) {
    fc.assert(
      fc.property(validConfig({ regions: acceptedRegions() }), check),
      drawSettings(run.count, run.wideRuns, run.part ?? 0),
    );
    return;
  }
  for (const config of unitDraws(run)) {
    try {
      check(config);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `a drawn config (covering pick of seed ${unitSeed()}) failed: ${message}\n${JSON.stringify(config, null, 2)}`,
        { cause: error },
      );
    }
  }
}

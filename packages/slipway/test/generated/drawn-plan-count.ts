/**
 * Drawn configs the unit run plans, split over two test files: the covering pick (fewer than ten
 * draws exercise every drawn feature) filled up with ordinary draws, which vary what the pick
 * holds together. `test:wide` plans thousands at random.
 */
export const DRAWN_PLANS = 24;

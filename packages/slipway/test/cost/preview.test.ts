import { describe, expect, it } from 'vitest';
import { CostEstimateError } from '../../src/cost/errors.js';
import { previewHourlyUsd } from '../../src/cost/preview.js';

describe('previewHourlyUsd', () => {
  it('prices one Spot ARM task with its public address by the hour', () => {
    // (0.25 × 0.03238 + 0.5 × 0.00356) × 0.30 + 0.005 = 0.0029625 + 0.005 = 0.0079625
    expect(previewHourlyUsd('us-east-1', 256, 512, 'arm64')).toBeCloseTo(0.0079625, 10);
  });

  it('prices x86 previews at the x86 rate', () => {
    // (1 × 0.04048 + 2 × 0.004445) × 0.30 + 0.005 = 0.014811 + 0.005 = 0.019811
    expect(previewHourlyUsd('us-east-1', 1024, 2048, 'x86_64')).toBeCloseTo(0.019811, 10);
  });

  it('uses the region table', () => {
    // (0.25 × 0.04368 + 0.5 × 0.0048) × 0.30 + 0.005 = 0.003996 + 0.005 = 0.008996
    expect(previewHourlyUsd('af-south-1', 256, 512, 'arm64')).toBeCloseTo(0.008996, 10);
  });

  it('rejects an unknown region', () => {
    expect(() => previewHourlyUsd('mars-1', 256, 512, 'arm64')).toThrow(CostEstimateError);
  });
});

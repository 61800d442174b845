import { describe, expect, it } from 'vitest';
import {
  ALERTS_EMULATOR_LIMIT,
  DATABASE_EMULATOR_LIMIT,
  EDGE_EMULATOR_LIMIT,
  EKS_EMULATOR_LIMIT,
  EMULATOR_LIMITS,
  emulatorLimitsFor,
  FUNCTIONS_EMULATOR_LIMIT,
  TABLES_EMULATOR_LIMIT,
} from '../../src/local-cloud/emulator-limits.js';

describe('what a local deploy says the emulator leaves out', () => {
  it('names only what the environment has', () => {
    const bare = emulatorLimitsFor({ runtime: 'ecs', databases: [], tables: [], functions: [], topics: [] });
    expect(bare).not.toContain(DATABASE_EMULATOR_LIMIT);
    expect(bare).not.toContain(TABLES_EMULATOR_LIMIT);
    expect(bare).not.toContain(FUNCTIONS_EMULATOR_LIMIT);
    expect(bare).not.toContain(EKS_EMULATOR_LIMIT);
    expect(bare).not.toContain(EDGE_EMULATOR_LIMIT);
    expect(bare).not.toContain(ALERTS_EMULATOR_LIMIT);
    expect(bare.length).toBe(EMULATOR_LIMITS.length - 1);

    const full = emulatorLimitsFor({
      runtime: 'eks',
      databases: [{}],
      tables: [{}],
      topics: [{}],
      edge: { priceClass: 'PriceClass_100', cachedPaths: [] },
      observability: { alerts: { emails: ['oncall@example.com'] } },
    });
    expect(full).toEqual([
      ...EMULATOR_LIMITS,
      EKS_EMULATOR_LIMIT,
      TABLES_EMULATOR_LIMIT,
      FUNCTIONS_EMULATOR_LIMIT,
      EDGE_EMULATOR_LIMIT,
      ALERTS_EMULATOR_LIMIT,
    ]);
  });
});

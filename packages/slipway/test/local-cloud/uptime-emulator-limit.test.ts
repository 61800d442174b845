import { describe, expect, it } from 'vitest';
import { emulatorLimitsFor, UPTIME_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import { defaultObservability } from '../../src/model/observability.js';

describe('what a local deploy says of uptime canaries', () => {
  it('says the canaries never run, only when the environment has uptime on', () => {
    const off = defaultObservability(true);
    expect(emulatorLimitsFor({ runtime: 'ecs', observability: off })).not.toContain(UPTIME_EMULATOR_LIMIT);
    expect(emulatorLimitsFor({ runtime: 'ecs' })).not.toContain(UPTIME_EMULATOR_LIMIT);
    const on = emulatorLimitsFor({ runtime: 'ecs', observability: { ...off, uptime: true } });
    expect(on.at(-1)).toBe(UPTIME_EMULATOR_LIMIT);
    expect(UPTIME_EMULATOR_LIMIT).toMatch(/none runs/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { resetLocalCloud } from '../../src/local-cloud/launcher.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { validConfig } from './config-arbitraries.js';
import { drawSettings, wide } from './draw-settings.js';
import { unitDraws } from './drawn-runs.js';
import { acceptedRegions } from './region-choices.js';

/**
 * Drawn configs, each environment deployed to the local emulator, then diffed: what was deployed
 * must be exactly what the config describes. The unit run deploys the three draws of the covering
 * pick that exercise the most features; test:wide twenty random ones.
 */
describe('drawn configs on the local emulator', () => {
  const emulator = useEmulator();
  const configs = wide
    ? fc.sample(validConfig({ regions: acceptedRegions() }), {
        seed: drawSettings(20).seed,
        numRuns: 20,
      })
    : unitDraws({ count: 3, wideRuns: 20, perStack: false });

  it.each(configs.map((config, index) => [index, config] as const))(
    'draw %i deploys every environment and then diffs to zero changes',
    async (_index, config) => {
      const model = resolveConfig(config);
      const accountsByRegion = new Map<string, string>();
      for (const env of model.environments) {
        // The emulator is one account: environments AWS keeps apart by account would share names
        // there (a created secret's, say), so another account in a used region starts afresh.
        const account = accountsByRegion.get(env.region);
        if (account !== undefined && account !== env.account) {
          await resetLocalCloud({ stateDir: emulator.stateDir });
          accountsByRegion.clear();
        }
        accountsByRegion.set(env.region, env.account);
        const options = { ...emulator.target(), yes: true };
        const deployed = await deployEnvironment(model, env.name, options);
        expect(deployed.stacks.length, `${env.name} (${env.region})`).toBeGreaterThan(0);
        const diff = await diffEnvironment(model, env.name, options);
        const changed = diff.stacks.filter((s) => s.changes.length > 0);
        expect(
          changed.map((s) => `${s.name}: ${s.changes.map((c) => `${c.action} ${c.logicalId}`).join(', ')}`),
          `${env.name} (${env.region}) after its deploy`,
        ).toEqual([]);
      }
    },
    240_000,
  );
});

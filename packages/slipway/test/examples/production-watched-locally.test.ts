import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { expectProductionWatched } from './production-watched.js';

const examples = path.resolve(import.meta.dirname, '../../../../examples');

/**
 * Every ECS example's production and goapp's, deployed to the emulator as a team would deploy it,
 * routes its alarms to a person (parrot's production is deployed and checked in parrot-eks.test.ts).
 * The EKS examples' services are watched by Datadog monitors, checked in examples.test.ts; here
 * their databases and caches.
 */
describe("the examples' production on the local emulator", () => {
  const emulator = useEmulator();

  it.each(['medications', 'megadolls', 'orders', 'goapp'])(
    '%s: routes every alarm that must reach someone to a subscribed topic, with a dashboard and its canaries',
    async (name) => {
      const configPath = path.join(examples, name, 'slipway.config.ts');
      const model = await loadConfig(configPath);
      const prod = model.environments.find((e) => e.production);
      if (prod === undefined) throw new Error(`${name} has no production environment`);
      const deployed = await emulator.cli('deploy', configPath, prod.name, '--yes');
      expect(deployed.code, deployed.stderr).toBe(0);
      await expectProductionWatched(emulator, model, prod);
    },
  );
});

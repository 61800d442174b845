import { describe, expect, it } from 'vitest';
import { deployOrder, type OrderInput } from '../../src/deploy/deploy-order.js';
import { buildApp } from '../../src/stacks/build-app.js';
import { megadollsLikeModel } from '../fixtures/models.js';

const stack = (name: string, kind: OrderInput['kind'], exists = false, changed = true): OrderInput => ({
  name,
  kind,
  shared: kind === 'ci' || name === 'shop-pipeline',
  exists,
  changed,
});

describe('deployOrder', () => {
  const layers = [
    stack('shop-dev-web', 'service'),
    stack('shop-dev-runtime', 'runtime'),
    stack('shop-dev-network', 'network'),
    stack('shop-dev-data', 'data'),
    stack('shop-dev-api', 'service'),
  ];

  it('puts a missing CI stack first, then network, data, runtime and the services in their order', () => {
    expect(deployOrder([...layers, stack('shop-ci', 'ci')]).stacks).toEqual([
      'shop-ci',
      'shop-dev-network',
      'shop-dev-data',
      'shop-dev-runtime',
      'shop-dev-web',
      'shop-dev-api',
    ]);
  });

  it('leaves an existing shared stack alone, saying whether it has changes, unless asked to update it', () => {
    const ci = stack('shop-ci', 'ci', true, true);
    const order = deployOrder([ci, ...layers]);
    expect(order.stacks[0]).toBe('shop-dev-network');
    expect(order.skippedShared).toEqual([{ name: 'shop-ci', changed: true }]);
    expect(deployOrder([ci, ...layers], { includeShared: true }).stacks[0]).toBe('shop-ci');
    const unchanged = deployOrder([stack('shop-ci', 'ci', true, false), ...layers], { includeShared: true });
    expect(unchanged.stacks[0]).toBe('shop-dev-network');
  });

  it('deploys the monitoring stack after the services, with the infrastructure but never with a release', () => {
    const withMonitoring = [
      stack('shop-dev-monitoring', 'monitoring'),
      ...layers,
      stack('shop-pipeline', 'pipeline'),
    ];
    expect(deployOrder(withMonitoring).stacks.slice(-2)).toEqual(['shop-dev-monitoring', 'shop-pipeline']);
    expect(deployOrder(withMonitoring, { only: 'infrastructure' }).stacks).toContain('shop-dev-monitoring');
    expect(deployOrder(withMonitoring, { only: 'services' }).stacks).toEqual([
      'shop-dev-web',
      'shop-dev-api',
    ]);
  });

  it('deploys pipeline stacks last: the environment target, then a missing shared pipeline', () => {
    const order = deployOrder([
      stack('shop-dev-pipeline-target', 'pipeline'),
      stack('shop-pipeline', 'pipeline'),
      ...layers,
    ]);
    expect(order.stacks.slice(-2)).toEqual(['shop-dev-pipeline-target', 'shop-pipeline']);
    const existing = deployOrder([
      stack('shop-dev-pipeline-target', 'pipeline'),
      stack('shop-pipeline', 'pipeline', true),
      ...layers,
    ]);
    expect(existing.stacks.at(-1)).toBe('shop-dev-pipeline-target');
    expect(existing.skippedShared).toEqual([{ name: 'shop-pipeline', changed: true }]);
  });

  it('splits infrastructure from services', () => {
    const all = [stack('shop-ci', 'ci'), ...layers];
    expect(deployOrder(all, { only: 'infrastructure' }).stacks).toEqual([
      'shop-ci',
      'shop-dev-network',
      'shop-dev-data',
      'shop-dev-runtime',
    ]);
    const services = deployOrder(all, { only: 'services' });
    expect(services.stacks).toEqual(['shop-dev-web', 'shop-dev-api']);
    expect(services.skippedShared).toEqual([]);
  });

  it("keeps buildApp's order for a real model", () => {
    const model = megadollsLikeModel();
    const dev = { ...model, environments: model.environments.filter((e) => e.name === 'dev') };
    const built = buildApp(dev, { outdir: 'unused' });
    const inputs = built.stacks.map((s) => ({
      ...stack(s.stack.stackName, s.kind),
      shared: s.environment === undefined,
    }));
    expect(inputs.map((s) => s.kind)).toEqual([
      'ci',
      'network',
      'data',
      'runtime',
      'service',
      'service',
      'service',
    ]);
    expect(deployOrder(inputs).stacks).toEqual(inputs.map((s) => s.name));
  });
});

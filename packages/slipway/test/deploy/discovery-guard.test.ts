import { describe, expect, it } from 'vitest';
import {
  type CallerScope,
  privateNameChanges,
  refusePrivateNameChanges,
} from '../../src/deploy/discovery-guard.js';
import { PrivateNameRefusedError } from '../../src/deploy/errors.js';
import type { ResourceChange, StackChanges } from '../../src/deploy/resource-change.js';
import { classifyStackChanges } from '../../src/deploy/stack-changes.js';
import type { ServiceModel } from '../../src/model/types.js';
import type { CfnTemplate } from '../../src/template/types.js';

const CLOUD_MAP = 'AWS::ServiceDiscovery::Service';

/** The orders app's dev environment as the guard reads it: web calls inventory, a function calls it too. */
function scope(
  services: Record<string, Record<string, string>>,
  functions: Record<string, Record<string, string>> = {},
): CallerScope {
  return {
    app: 'orders',
    environment: {
      services: Object.entries(services).map(
        ([name, environment]) => ({ name, environment }) as unknown as ServiceModel,
      ),
      functions: Object.entries(functions).map(([name, environment]) => ({ name, environment }) as never),
      stackNames: {
        network: 'orders-dev-network',
        data: 'orders-dev-data',
        runtime: 'orders-dev-runtime',
        services: Object.fromEntries(Object.keys(services).map((name) => [name, `orders-dev-${name}`])),
      },
    },
  };
}

function cloudMapChange(
  action: ResourceChange['action'],
  deployedTypes: string[],
  plannedTypes: string[],
  name = 'inventory',
): ResourceChange {
  return {
    logicalId: 'ServiceCloudmapService046058A4',
    type: CLOUD_MAP,
    action,
    stateful: false,
    privateName: { name, deployedTypes, plannedTypes },
  };
}

const inStack = (change: ResourceChange, name = 'orders-dev-inventory'): StackChanges[] => [
  { name, changes: [change] },
];

function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PrivateNameRefusedError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the discovery guard', () => {
  const calledByWeb = scope(
    { web: { INVENTORY_URL: 'http://inventory.orders.internal:8080', REGION: 'us-east-1' } },
    { restock: { TARGET: 'inventory.orders.internal' } },
  );

  it('refuses removing a name another service and a function still call, naming them and the flag', () => {
    const changes = privateNameChanges(inStack(cloudMapChange('remove', ['A'], [])), calledByWeb);
    expect(changes).toEqual([
      expect.objectContaining({
        host: 'inventory.orders.internal',
        change: 'remove',
        guarded: true,
        allowed: false,
        callers: [
          { kind: 'service', name: 'web', variables: ['INVENTORY_URL'] },
          { kind: 'function', name: 'restock', variables: ['TARGET'] },
        ],
      }),
    ]);
    const message = refusal(() => refusePrivateNameChanges(changes, 'slipway deploy --env dev'));
    expect(message).toContain('Nothing was deployed');
    expect(message).toContain(
      'inventory.orders.internal  orders-dev-inventory/ServiceCloudmapService046058A4 would be removed; ' +
        'called by service web (INVENTORY_URL), function restock (TARGET)',
    );
    expect(message).toContain('slipway deploy --env dev --allow-replace inventory.orders.internal');
  });

  it('lets a removal through when nothing calls the name, and lists it as harmless', () => {
    const unrelated = scope({
      web: {
        OLD: 'http://old-inventory.orders.internal:8080',
        OTHER_APP: 'http://inventory.shop.internal:8080',
        LONGER: 'inventory.orders.internal.example.com',
      },
    });
    const changes = privateNameChanges(inStack(cloudMapChange('remove', ['A'], [])), unrelated);
    expect(changes.map((c) => [c.host, c.callers, c.guarded])).toEqual([
      ['inventory.orders.internal', [], false],
    ]);
    expect(() => refusePrivateNameChanges(changes, 'slipway deploy --env dev')).not.toThrow();
  });

  it('does not count a service naming itself as a caller', () => {
    const self = scope({ inventory: { SELF: 'http://inventory.orders.internal:8080' } });
    const changes = privateNameChanges(inStack(cloudMapChange('remove', ['A'], [])), self);
    expect(changes[0]?.callers).toEqual([]);
    expect(changes[0]?.guarded).toBe(false);
  });

  it('refuses new record types A → A+SRV on a kept service even with no caller', () => {
    const changes = privateNameChanges(
      inStack(cloudMapChange('modify', ['A'], ['A', 'SRV'])),
      scope({ inventory: {} }),
    );
    expect(changes.map((c) => [c.change, c.guarded])).toEqual([['records', true]]);
    const message = refusal(() => refusePrivateNameChanges(changes, 'slipway deploy --env dev'));
    expect(message).toContain('would change record types A → A+SRV');
    expect(message).toContain('no service or function of the environment names it');
  });

  it('refuses a replacement of a kept service and ignores changes that keep the name answering', () => {
    const stacks: StackChanges[] = [
      {
        name: 'orders-dev-inventory',
        changes: [
          cloudMapChange('replace', ['A'], ['A']),
          { ...cloudMapChange('modify', ['A'], ['A']), logicalId: 'Tagged' },
          { ...cloudMapChange('add', [], ['A']), logicalId: 'New' },
          {
            logicalId: 'TaskDefinition',
            type: 'AWS::ECS::TaskDefinition',
            action: 'replace',
            stateful: false,
          },
        ],
      },
    ];
    const changes = privateNameChanges(stacks, calledByWeb);
    expect(changes.map((c) => [c.logicalId, c.change, c.guarded])).toEqual([
      ['ServiceCloudmapService046058A4', 'replace', true],
    ]);
  });

  it('passes once --allow-replace names the host or the stack and logical id, not the bare logical id', () => {
    const stacks = inStack(cloudMapChange('remove', ['A'], []));
    for (const allowance of [
      'inventory.orders.internal',
      'orders-dev-inventory/ServiceCloudmapService046058A4',
    ]) {
      const changes = privateNameChanges(stacks, calledByWeb, [allowance]);
      expect(changes[0]?.allowed).toBe(true);
      expect(() => refusePrivateNameChanges(changes, 'slipway deploy --env dev')).not.toThrow();
    }
    const bare = privateNameChanges(stacks, calledByWeb, ['ServiceCloudmapService046058A4']);
    expect(() => refusePrivateNameChanges(bare, 'slipway deploy --env dev')).toThrow(PrivateNameRefusedError);
  });

  it('reads the name and record types off the templates when a Cloud Map service gains SRV', () => {
    const service = (types: string[]): CfnTemplate => ({
      Parameters: {
        Namespace: {
          Type: 'AWS::SSM::Parameter::Value<String>',
          Default: '/orders/dev/network/namespace-id',
        },
      },
      Resources: {
        ServiceCloudmapService046058A4: {
          Type: CLOUD_MAP,
          Properties: {
            Name: 'inventory',
            NamespaceId: { Ref: 'Namespace' },
            DnsConfig: {
              DnsRecords: types.map((Type) => ({ Type, TTL: 10 })),
              NamespaceId: { Ref: 'Namespace' },
              RoutingPolicy: 'MULTIVALUE',
            },
          },
        },
      },
    });
    const classified = classifyStackChanges({
      name: 'orders-dev-inventory',
      deployed: service(['A']),
      planned: service(['SRV', 'A']),
    });
    expect(classified.changes[0]?.privateName).toEqual({
      name: 'inventory',
      deployedTypes: ['A'],
      plannedTypes: ['A', 'SRV'],
    });
    const changes = privateNameChanges([classified], calledByWeb);
    expect(changes.map((c) => [c.host, c.guarded, c.callers.map((k) => k.name)])).toEqual([
      ['inventory.orders.internal', true, ['web', 'restock']],
    ]);
  });
});

import type { CfnResource, SynthesizedStack } from '../../template/types.js';
import { literalNumber, literalObject, literalString, refTarget } from '../template-values.js';

/** One entry of a capacity provider strategy, as ECS reads it. */
export interface StrategyItem {
  readonly capacityProvider: string;
  readonly weight: number;
  readonly base: number;
}

/** Where a service's strategy came from, for the basis text. */
export type StrategyOrigin = 'service' | 'launch type' | 'cluster default' | 'assumed';

export interface ResolvedStrategy {
  readonly items: readonly StrategyItem[];
  readonly origin: StrategyOrigin;
}

function readStrategy(value: unknown): StrategyItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const item = literalObject(entry);
    const capacityProvider = literalString(item?.CapacityProvider);
    if (!capacityProvider) return [];
    return [
      {
        capacityProvider,
        weight: literalNumber(item?.Weight) ?? 0,
        base: literalNumber(item?.Base) ?? 0,
      },
    ];
  });
}

function defaultStrategies(stack: SynthesizedStack, clusterId?: string): StrategyItem[][] {
  return Object.values(stack.template.Resources ?? {})
    .filter((r) => r.Type === 'AWS::ECS::ClusterCapacityProviderAssociations')
    .filter((r) => clusterId === undefined || refTarget(r.Properties?.Cluster) === clusterId)
    .map((r) => readStrategy(r.Properties?.DefaultCapacityProviderStrategy))
    .filter((items) => items.length > 0);
}

/**
 * The capacity providers a service's tasks run on: its own strategy, else its launch type, else
 * the default strategy of its cluster. The cluster usually lives in another stack and is passed by
 * name, so when the service's stack does not hold it, a single default across all stacks is used.
 */
export function resolveStrategy(
  service: CfnResource,
  stack: SynthesizedStack,
  stacks: readonly SynthesizedStack[],
): ResolvedStrategy {
  const own = readStrategy(service.Properties?.CapacityProviderStrategy);
  if (own.length > 0) return { items: own, origin: 'service' };

  const launchType = literalString(service.Properties?.LaunchType);
  if (launchType !== undefined) {
    return { items: [{ capacityProvider: launchType, weight: 1, base: 0 }], origin: 'launch type' };
  }

  const clusterId = refTarget(service.Properties?.Cluster);
  const local = clusterId === undefined ? [] : defaultStrategies(stack, clusterId);
  if (local[0]) return { items: local[0], origin: 'cluster default' };

  const anywhere = stacks.flatMap((s) => defaultStrategies(s));
  const distinct = new Set(anywhere.map((items) => JSON.stringify(items)));
  if (anywhere[0] && distinct.size === 1) return { items: anywhere[0], origin: 'cluster default' };

  // ECS falls back to the FARGATE launch type for a service with neither.
  return { items: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }], origin: 'assumed' };
}

/**
 * Expected tasks per capacity provider: `base` tasks first, the rest shared by weight, as ECS
 * places them. Shares may be fractional (3 tasks at 1:1 is 1.5 each): an average over placements.
 */
export function splitTasks(tasks: number, items: readonly StrategyItem[]): Map<string, number> {
  const split = new Map<string, number>();
  let remaining = tasks;
  for (const item of items) {
    const base = Math.min(item.base, remaining);
    split.set(item.capacityProvider, (split.get(item.capacityProvider) ?? 0) + base);
    remaining -= base;
  }
  const totalWeight = items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    // ECS rejects a strategy whose weights are all 0; share evenly rather than drop tasks.
    const share = totalWeight > 0 ? item.weight / totalWeight : 1 / items.length;
    split.set(item.capacityProvider, (split.get(item.capacityProvider) ?? 0) + remaining * share);
  }
  return split;
}

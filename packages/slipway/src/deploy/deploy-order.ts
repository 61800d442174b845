import type { StackKind } from '../stacks/build-app.js';
import { inGroup, type StackGroup } from './session.js';

/** What decides whether a stack goes into a deploy. */
export interface OrderInput {
  readonly name: string;
  readonly kind: StackKind;
  /** Account-level, shared by every environment (the CI stack, a CodePipeline stack). */
  readonly shared: boolean;
  /** It exists on the target already. */
  readonly exists: boolean;
  /** It differs from what is deployed. */
  readonly changed: boolean;
}

export interface OrderOptions {
  /** Only the layer stacks or only the service stacks. @default every stack */
  readonly only?: StackGroup;
  /** Update shared stacks that exist and have changes. @default false */
  readonly includeShared?: boolean;
}

/** The stacks to deploy, in order, and the shared stacks left as deployed. */
export interface DeployOrder {
  readonly stacks: readonly string[];
  readonly skippedShared: readonly { readonly name: string; readonly changed: boolean }[];
}

const LAYERS: readonly StackKind[] = [
  'ci',
  'network',
  'data',
  'runtime',
  'cluster',
  'edge',
  'functions',
  'service',
  'monitoring',
  'pipeline',
];

/**
 * Keeps the app's stack order (CI, then network → data → runtime → functions → services → monitoring,
 * or on EKS the cluster in the runtime's place, then pipeline
 * stacks, as `buildApp` declares it) and decides about shared stacks: an environment deploy
 * creates one that is missing and otherwise leaves it alone unless asked, since every other
 * environment depends on it too.
 */
export function deployOrder(stacks: readonly OrderInput[], options: OrderOptions = {}): DeployOrder {
  const sorted = [...stacks].sort((a, b) => LAYERS.indexOf(a.kind) - LAYERS.indexOf(b.kind));
  const wanted = sorted.filter((s) => inGroup(s.kind, options.only));
  const keep = (s: OrderInput) => !s.shared || !s.exists || (options.includeShared === true && s.changed);
  return {
    stacks: wanted.filter(keep).map((s) => s.name),
    skippedShared: wanted.filter((s) => !keep(s)).map((s) => ({ name: s.name, changed: s.changed })),
  };
}

import type { EnvironmentModel } from '../model/types.js';
import { mentionsPrivateHost, privateHostName } from '../naming/private-hosts.js';
import { PrivateNameRefusedError } from './errors.js';
import type { StackChanges } from './resource-change.js';

/** A service or function whose plain variables name a private host. */
export interface PrivateNameCaller {
  readonly kind: 'service' | 'function';
  readonly name: string;
  /** The variables that name it, e.g. `INVENTORY_URL`. */
  readonly variables: readonly string[];
}

/**
 * A private name (`<name>.<app>.internal`) that stops resolving during a deploy: its Cloud Map
 * service is removed, replaced, or given other record types, which Cloud Map can only do by
 * deleting the service and creating it again (decision 028). The name answers again once new
 * tasks register, a few minutes later; callers fail meanwhile.
 */
export interface PrivateNameChange {
  readonly stack: string;
  readonly logicalId: string;
  /** `inventory.orders.internal`. */
  readonly host: string;
  /** `records`: kept in place by CloudFormation's reckoning, but its record types change. */
  readonly change: 'remove' | 'replace' | 'records';
  /** Record types deployed now and planned (empty when removed), e.g. `['A']` and `['A', 'SRV']`. */
  readonly deployedTypes: readonly string[];
  readonly plannedTypes: readonly string[];
  /** The environment's other services and its functions that name the host in their variables. */
  readonly callers: readonly PrivateNameCaller[];
  /**
   * Whether a deploy refuses it unless allowed: a name something still calls, or a Cloud Map
   * service the config keeps. A removal nothing calls breaks nothing and goes ahead.
   */
  readonly guarded: boolean;
  /** Named by `--allow-replace <host>` or `--allow-replace <stack>/<logical id>`. */
  readonly allowed: boolean;
}

/** What the guard reads of an environment: its app's name, its services and functions. */
export interface CallerScope {
  readonly app: string;
  readonly environment: Pick<EnvironmentModel, 'services' | 'functions' | 'stackNames'>;
}

/**
 * Every private name the changes would take away, each with its callers, marked guarded and
 * allowed. Only Cloud Map services whose name the templates spell out are considered (Slipway's
 * always are).
 */
export function privateNameChanges(
  stacks: readonly StackChanges[],
  scope: CallerScope,
  allowReplace: readonly string[] = [],
): PrivateNameChange[] {
  const found: PrivateNameChange[] = [];
  for (const stack of stacks) {
    for (const c of stack.changes) {
      if (!c.privateName) continue;
      const { deployedTypes, plannedTypes } = c.privateName;
      const typesChange = deployedTypes.join(',') !== plannedTypes.join(',');
      const change =
        c.action === 'remove' || c.action === 'replace'
          ? c.action
          : c.action === 'modify' && typesChange
            ? 'records'
            : undefined;
      if (change === undefined) continue;
      const host = privateHostName(c.privateName.name, scope.app);
      const callers = callersOf(host, stack.name, scope);
      found.push({
        stack: stack.name,
        logicalId: c.logicalId,
        host,
        change,
        deployedTypes,
        plannedTypes,
        callers,
        guarded: change !== 'remove' || callers.length > 0,
        allowed: allowReplace.some((value) => allowsPrivateName(value, stack.name, c.logicalId, host)),
      });
    }
  }
  return found;
}

/**
 * Stops a deploy that would take away a guarded private name no `--allow-replace` names. The
 * message names each host, what happens to it, who calls it, and the flags that would allow it.
 */
export function refusePrivateNameChanges(changes: readonly PrivateNameChange[], command: string): void {
  const blocked = changes.filter((c) => c.guarded && !c.allowed);
  if (blocked.length === 0) return;
  const called = blocked.some((c) => c.callers.length > 0);
  const lines = [
    `Refusing to deploy: ${blocked.length === 1 ? 'a private name' : `${blocked.length} private names`} would stop resolving ` +
      'from the moment the old Cloud Map service goes until new tasks register (a few minutes)' +
      `${called ? ', and the services calling them would fail meanwhile' : ''}. Nothing was deployed.`,
    ...blocked.map((c) => `  ${describePrivateNameChange(c)}`),
    'Fix: change the config back so these names stay (run `slipway diff` to see every change)' +
      `${called ? ', or first deploy the callers without the variables that name them' : ''}; ` +
      'or, when a few minutes without the name are acceptable, allow each one explicitly:',
    `  ${command} ${blocked.map((c) => `--allow-replace ${c.host}`).join(' ')}`,
  ];
  throw new PrivateNameRefusedError(lines.join('\n'));
}

/** One line: the host, where it lives, what happens to it, and who calls it. */
export function describePrivateNameChange(c: PrivateNameChange): string {
  const fate =
    c.change === 'remove'
      ? 'would be removed'
      : c.change === 'replace'
        ? 'would be replaced (deleted, then created again)'
        : `would change record types ${c.deployedTypes.join('+')} → ${c.plannedTypes.join('+')}, which Cloud Map does only by deleting and creating it again`;
  const callers =
    c.callers.length === 0
      ? 'no service or function of the environment names it'
      : `called by ${c.callers.map((k) => `${k.kind} ${k.name} (${k.variables.join(', ')})`).join(', ')}`;
  return `${c.host}  ${c.stack}/${c.logicalId} ${fate}; ${callers}`;
}

/** Whether an `--allow-replace` value names this private name: its host, or `<stack>/<logical id>`. */
export function allowsPrivateName(value: string, stack: string, logicalId: string, host: string): boolean {
  // Not the bare logical id: every service stack gives its Cloud Map service the same one.
  return value === host || value === `${stack}/${logicalId}`;
}

/** The environment's services (other than the one the name belongs to) and functions that name `host`. */
function callersOf(host: string, stack: string, scope: CallerScope): PrivateNameCaller[] {
  const env = scope.environment;
  const candidates = [
    ...env.services
      .filter((s) => env.stackNames.services[s.name] !== stack)
      .map((s) => ({ kind: 'service' as const, name: s.name, environment: s.environment })),
    ...(env.functions ?? []).map((f) => ({
      kind: 'function' as const,
      name: f.name,
      environment: f.environment,
    })),
  ];
  return candidates.flatMap(({ kind, name, environment }) => {
    const variables = Object.entries(environment)
      .filter(([, value]) => mentionsPrivateHost(value, host))
      .map(([key]) => key);
    return variables.length === 0 ? [] : [{ kind, name, variables }];
  });
}

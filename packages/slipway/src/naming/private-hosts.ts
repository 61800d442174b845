import { privateDnsNamespace } from './names.js';

/** `<name>.<app>.internal`: the private DNS name of a service or a database's alias. */
export function privateHostName(name: string, app: string): string {
  return `${name}.${privateDnsNamespace(app)}`;
}

/**
 * Every place a variable's value names `host` as a whole host name (`http://inventory.orders.internal:8080`,
 * `inventory.orders.internal`), with `port` only that address. The scheme, when there is one, is
 * the first group. A longer name that merely contains it (`old-inventory.orders.internal`,
 * `inventory.orders.internal.example.com`) or another port (`:80801`) does not count.
 */
export function privateHostPattern(host: string, port?: number): RegExp {
  const address = port === undefined ? escape(host) : `${escape(host)}:${port}(?![0-9])`;
  return new RegExp(`(?<![\\w.-])(https?://)?${address}(?![\\w-]|\\.\\w)`, 'g');
}

/** Whether a variable's value names `host`, on any port. */
export function mentionsPrivateHost(value: string, host: string): boolean {
  return privateHostPattern(host).test(value);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A private host to replace: a service's name, the port it counts on (any when absent), and what goes in its place. */
export interface HostReplacement {
  readonly name: string;
  readonly port?: number;
  /** The new address, given the scheme the value had (`http://`, `https://`) or undefined. */
  readonly replacement: (scheme: string | undefined) => string;
}

/**
 * Plain variables with each address of the given services on private DNS replaced, so a config
 * names its services' addresses once (`http://inventory.orders.internal:8080`) and each place
 * that runs them elsewhere (this machine, a preview) rewrites them to its own.
 */
export function replacePrivateHosts(
  variables: Readonly<Record<string, string>>,
  app: string,
  hosts: readonly HostReplacement[],
): Record<string, string> {
  const rewritten: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    let replaced = value;
    for (const host of hosts) {
      replaced = replaced.replace(
        privateHostPattern(privateHostName(host.name, app), host.port),
        (_, scheme) => host.replacement(scheme as string | undefined),
      );
    }
    rewritten[name] = replaced;
  }
  return rewritten;
}

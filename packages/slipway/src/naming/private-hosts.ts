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

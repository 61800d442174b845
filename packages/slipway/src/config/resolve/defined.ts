/**
 * Drops keys whose value is `undefined`, so `{ ...defaults, ...defined(user) }` keeps a default
 * when the user wrote `albLcu: undefined` instead of leaving the key out.
 */
export function defined<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

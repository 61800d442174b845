/**
 * Walks a zod schema along an issue's path to find the object there, so an "unknown key" error
 * can list the keys that are allowed in that exact place.
 */
import type { z } from 'zod';

type Def = {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly valueType?: z.core.$ZodType;
  readonly innerType?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
};

/** Keys of the object schema at `path`, in declaration order; empty when there is no object there. */
export function allowedKeysAt(schema: z.core.$ZodType, path: readonly (string | number)[]): string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current === undefined) return [];
    const def = defOf(current);
    if (def.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array' && typeof segment === 'number') current = def.element;
    else return [];
    current = current === undefined ? undefined : unwrap(current);
  }
  if (current === undefined) return [];
  const def = defOf(current);
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/**
 * Sees through optional, default and pipe wrappers to the schema that has the shape, and through
 * a union to its one object option (`false | { ... }`).
 */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const objects =
      def.type === 'union' ? (def.options ?? []).filter((o) => defOf(unwrap(o)).type === 'object') : [];
    const inner =
      def.innerType ?? (def.type === 'pipe' ? def.in : objects.length === 1 ? objects[0] : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
}

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as unknown as Def;
}

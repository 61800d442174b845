/**
 * What a template fragment points at: logical ids and parameter names reached through `Ref`,
 * `Fn::GetAtt` and `${...}` in `Fn::Sub`. Pseudo parameters (`AWS::Region`) are left out.
 */
export function references(value: unknown): Set<string> {
  const found = new Set<string>();
  collect(value, found);
  return found;
}

function collect(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') {
      add(found, inner);
    } else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner) ? inner[0] : String(inner).split('.')[0];
      if (typeof target === 'string') add(found, target);
    } else if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(inner) ? inner : [inner, undefined];
      for (const match of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
        add(found, (match[1] ?? '').split('.')[0] ?? '');
      }
      collect(variables, found);
    } else {
      collect(inner, found);
    }
  }
}

function add(found: Set<string>, name: string): void {
  if (name && !name.startsWith('AWS::')) found.add(name);
}

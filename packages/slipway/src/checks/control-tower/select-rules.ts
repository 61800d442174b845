/**
 * Picks the rule files that can report on a set of templates. A Control Tower control evaluates
 * only resources of the types it names (`Resources.*[ Type == "AWS::Logs::LogGroup" ]`) and skips a
 * template without them, so a file naming none of the plan's types cannot fail it. Leaving those
 * files out keeps cfn-guard from parsing and evaluating about two thirds of the pack on every
 * template, with the same findings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SynthesizedStack } from '../../template/types.js';

const TYPE_NAME = /["'](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)["']/g;

/** Rule file → the resource types it names; read once per rules folder. */
const indexes = new Map<string, ReadonlyMap<string, ReadonlySet<string>>>();

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ruleFiles(full);
    return entry.name.endsWith('.guard') ? [full] : [];
  });
}

function indexOf(rulesDir: string): ReadonlyMap<string, ReadonlySet<string>> {
  let index = indexes.get(rulesDir);
  if (index === undefined) {
    index = new Map(
      ruleFiles(rulesDir)
        .sort()
        .map((file) => {
          const text = readFileSync(file, 'utf8');
          return [file, new Set([...text.matchAll(TYPE_NAME)].map((match) => match[1]!))];
        }),
    );
    indexes.set(rulesDir, index);
  }
  return index;
}

/** The resource types a rule file under `rulesDir` names; empty when it names none. */
export function typesNamedBy(rulesDir: string, file: string): ReadonlySet<string> {
  return indexOf(rulesDir).get(file) ?? new Set();
}

/** Resource types the stacks create. */
export function resourceTypes(stacks: readonly SynthesizedStack[]): Set<string> {
  return new Set(
    stacks.flatMap((stack) => Object.values(stack.template.Resources ?? {}).map((resource) => resource.Type)),
  );
}

/**
 * Rule files under `rulesDir` that name at least one of `types`, in path order. A file that names
 * no type at all is kept, since nothing shows what it reads.
 */
export function selectRules(rulesDir: string, types: ReadonlySet<string>): string[] {
  return [...indexOf(rulesDir)]
    .filter(([, named]) => named.size === 0 || [...named].some((type) => types.has(type)))
    .map(([file]) => file);
}

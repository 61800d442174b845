import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLIPWAY_RULES } from '../../../src/checks/rules/registry.js';
import type { SlipwayRule } from '../../../src/checks/rules/types.js';

const rulesDir = path.resolve(import.meta.dirname, '../../../src/checks/rules');

function isRule(value: unknown): value is SlipwayRule {
  return typeof value === 'object' && value !== null && 'id' in value && 'check' in value;
}

describe('rule registry', () => {
  it('gives every rule a unique Slipway-<SERVICE><n> id', () => {
    const ids = SLIPWAY_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^Slipway-[A-Z][A-Z0-9]*[0-9]$/);
  });

  it('gives every rule a one-line description and a level', () => {
    for (const rule of SLIPWAY_RULES) {
      expect(rule.description, rule.id).toMatch(/^[A-Z].*\.$/);
      expect(rule.description, rule.id).not.toContain('\n');
      expect(['error', 'warning', 'info'], rule.id).toContain(rule.level);
    }
  });

  it('registers every rule defined under rules/<service>/', async () => {
    const services = readdirSync(rulesDir, { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && entry.name !== 'support',
    );
    const defined: string[] = [];
    for (const service of services) {
      for (const file of readdirSync(path.join(rulesDir, service.name)).filter((name) =>
        name.endsWith('.ts'),
      )) {
        const module: Record<string, unknown> = await import(path.join(rulesDir, service.name, file));
        defined.push(
          ...Object.values(module)
            .filter(isRule)
            .map((rule) => rule.id),
        );
      }
    }
    expect(defined.length).toBeGreaterThan(20);
    expect(SLIPWAY_RULES.map((rule) => rule.id).sort()).toEqual(defined.sort());
  });
});

describe('checks README', () => {
  it('lists every rule, so users can look up what they acknowledge', () => {
    const readme = readFileSync(path.resolve(rulesDir, '../README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `(Slipway-[A-Z0-9]+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(expect.arrayContaining(SLIPWAY_RULES.map((rule) => rule.id)));
  });
});

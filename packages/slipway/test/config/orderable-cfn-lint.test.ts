import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isOrderable,
  knownInstanceClasses,
  orderableClasses,
  POSTGRES_VERSIONS,
} from '../../src/config/data/postgres-versions.js';
import { REGIONS, zoneNames } from '../../src/config/data/regions.js';
import { DATABASE_DEFAULTS } from '../../src/config/resolve/defaults.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { issuesOf, validConfig } from './fixtures.js';

/**
 * The validator's database tables against AWS's cfn-lint, the linter every template goes through.
 *
 * cfn-lint spends about 0.1 s of CPU on each AWS::RDS::DBInstance (rule E3062 walks ~900 branches),
 * so the ~150,000 accepted region × version × class triples would take hours, and even one per
 * class, ~25 s. This run holds a sample in which every accepted family, version and region appears,
 * and the defaults in every region that offers them: about 70 instances, one template per region,
 * one cfn-lint call. The rest is covered another way: the table must equal what the installed
 * cfn-lint's data gives (first test), and `build-config-tables.py --verify`, run when the table is
 * regenerated, lints one instance per accepted region × class and version × class pair, the inputs
 * of E3025 and E3062.
 */

const SCRIPT = fileURLToPath(new URL('../../scripts/build-config-tables.py', import.meta.url));

interface Triple {
  readonly region: string;
  readonly version: string;
  readonly instanceClass: string;
}

interface LintMatch {
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Rule: { readonly Id: string };
  readonly Message: string;
  readonly Filename: string;
}

/** Choices the validator refuses, each with the rule cfn-lint refuses it by. */
const REFUSED: readonly (Triple & { readonly rule: string })[] = [
  { region: 'us-east-1', version: '16.4', instanceClass: 'db.t4g.micro', rule: 'E3062' },
  { region: 'us-east-1', version: '14.15', instanceClass: 'db.m8gd.large', rule: 'E3062' },
  { region: 'ca-west-1', version: '17.6', instanceClass: 'db.t4g.micro', rule: 'E3025' },
];

const familyOf = (instanceClass: string) => instanceClass.slice(0, instanceClass.lastIndexOf('.'));

/**
 * The defaults in every region that offers them (what most configs run), then draws that take the
 * i-th version, family and region together (wrapping), until each has been drawn: the family's
 * smallest size (odd draws: largest) the region runs on that version, or the first region that does.
 */
function acceptedSample(): Triple[] {
  const regions = Object.keys(REGIONS);
  const families = [...new Set(knownInstanceClasses().map(familyOf))];
  const sample: Triple[] = regions
    .filter((region) => isOrderable(region, DATABASE_DEFAULTS.engineVersion, DATABASE_DEFAULTS.instanceClass))
    .map((region) => ({
      region,
      version: DATABASE_DEFAULTS.engineVersion,
      instanceClass: DATABASE_DEFAULTS.instanceClass,
    }));
  const draws = Math.max(regions.length, POSTGRES_VERSIONS.length, families.length);
  for (let draw = 0; draw < draws; draw++) {
    const version = POSTGRES_VERSIONS[draw % POSTGRES_VERSIONS.length]!;
    const family = families[draw % families.length]!;
    for (const region of [regions[draw % regions.length]!, ...regions]) {
      const sizes = orderableClasses(region, version).filter((name) => familyOf(name) === family);
      if (sizes.length === 0) continue;
      sample.push({ region, version, instanceClass: (draw % 2 === 0 ? sizes[0] : sizes.at(-1))! });
      break;
    }
  }
  return sample;
}

/** The valid config with dev running `triple`'s database. */
function configFor(triple: Triple): SlipwayConfig {
  const config = validConfig();
  const dev = config.environments.dev!;
  dev.region = triple.region;
  dev.availabilityZones = zoneNames(triple.region).slice(0, 2);
  dev.databases = { main: { engineVersion: triple.version, instanceClass: triple.instanceClass } };
  return config;
}

/** One minimal instance per triple; the metadata tells cfn-lint which region to check against. */
function template(region: string, triples: readonly Triple[]): object {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Metadata: { 'cfn-lint': { config: { regions: [region] } } },
    Resources: Object.fromEntries(
      triples.map((triple, index) => [
        `Database${index}`,
        {
          Type: 'AWS::RDS::DBInstance',
          Properties: {
            Engine: 'postgres',
            EngineVersion: triple.version,
            DBInstanceClass: triple.instanceClass,
            AllocatedStorage: '20',
            MasterUsername: 'postgres_admin',
            ManageMasterUserPassword: true,
          },
        },
      ]),
    ),
  };
}

describe('database tables and cfn-lint', () => {
  const sample = acceptedSample();
  let dir: string;
  let matches: LintMatch[];
  let acceptedFiles: Set<string>;
  let refusedFiles: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-orderable-'));
    const write = (name: string, body: object) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(body, null, 1));
      return file;
    };
    acceptedFiles = new Set(
      Object.keys(REGIONS).map((region) =>
        write(
          `accepted-${region}.json`,
          template(
            region,
            sample.filter((triple) => triple.region === region),
          ),
        ),
      ),
    );
    refusedFiles = REFUSED.map((triple, index) =>
      write(`refused-${index}.json`, template(triple.region, [triple])),
    );
    const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...acceptedFiles, ...refusedFiles], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error, 'cfn-lint must be on PATH').toBeUndefined();
    matches = JSON.parse(run.stdout || '[]') as LintMatch[];
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds what the installed cfn-lint says: the generated table is not stale', () => {
    const run = spawnSync('python3', [SCRIPT, '--check'], { encoding: 'utf8' });
    expect(run.error, 'python3 must be on PATH').toBeUndefined();
    expect(run.stderr + run.stdout).toMatch(/matches cfn-lint/);
    expect(run.status).toBe(0);
  });

  it('samples every accepted family, version and region, and the validator accepts each draw', () => {
    expect(new Set(sample.map((triple) => familyOf(triple.instanceClass)))).toEqual(
      new Set(knownInstanceClasses().map(familyOf)),
    );
    expect(new Set(sample.map((triple) => triple.version))).toEqual(new Set(POSTGRES_VERSIONS));
    expect(new Set(sample.map((triple) => triple.region))).toEqual(new Set(Object.keys(REGIONS)));
    for (const triple of sample) {
      expect(() => resolveConfig(configFor(triple)), JSON.stringify(triple)).not.toThrow();
    }
  });

  it('cfn-lint finds nothing (no error, warning or note) in any instance the validator accepts', () => {
    const found = matches.filter((match) => acceptedFiles.has(match.Filename));
    expect(found.map((m) => `${m.Filename}: ${m.Rule.Id} ${m.Message}`)).toEqual([]);
  });

  it('cfn-lint refuses what the validator refuses, by the rule the table mirrors', () => {
    REFUSED.forEach((triple, index) => {
      expect(issuesOf(configFor(triple)).length, JSON.stringify(triple)).toBeGreaterThan(0);
      const rules = matches.filter((m) => m.Filename === refusedFiles[index]).map((m) => m.Rule.Id);
      expect(rules, JSON.stringify(triple)).toContain(triple.rule);
    });
  });
});

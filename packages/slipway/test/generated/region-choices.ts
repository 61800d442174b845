/**
 * What a drawn config may pick per region, read from the same tables the validator uses, so the
 * draws follow the tables wherever they grow.
 */
import { isOrderable, orderableClasses, POSTGRES_VERSIONS } from '../../src/config/data/postgres-versions.js';
import {
  LAYER_RESOURCE_TYPES,
  MISSING_RESOURCE_TYPES,
  type RegionCode,
} from '../../src/config/data/aws-tables.generated.js';
import { maxZones, REGIONS } from '../../src/config/data/regions.js';
import { DATABASE_DEFAULTS } from '../../src/config/resolve/defaults.js';

/** Every region the config accepts. */
export function acceptedRegions(): string[] {
  return Object.keys(REGIONS).sort();
}

/** Zone letters one account can use in `region`, in table order. */
export function zonesOf(region: string): readonly string[] {
  const info = REGIONS[region];
  if (!info) throw new Error(`no region '${region}' in the region table`);
  return info.zones.slice(0, maxZones(info));
}

export interface DatabaseChoice {
  /** Undefined when the draw leaves the version to Slipway's default. */
  readonly version?: string;
  /** Undefined when the draw leaves the class to Slipway's default. */
  readonly instanceClass?: string;
}

/**
 * Version × class pairs RDS offers in every one of `regions`, from the same table the validator
 * reads; the defaults (neither given) only where the default class is offered everywhere.
 */
export function orderableDatabaseChoices(regions: readonly string[]): readonly DatabaseChoice[] {
  const key = [...regions].sort().join(' ');
  const known = choicesByRegions.get(key);
  if (known) return known;
  const [first, ...rest] = regions;
  if (first === undefined) throw new Error('orderableDatabaseChoices needs a region');
  const choices: DatabaseChoice[] = [];
  for (const version of POSTGRES_VERSIONS) {
    const elsewhere = rest.map((region) => new Set(orderableClasses(region, version)));
    for (const instanceClass of orderableClasses(first, version)) {
      if (elsewhere.every((offered) => offered.has(instanceClass))) choices.push({ version, instanceClass });
    }
  }
  const { engineVersion, instanceClass } = DATABASE_DEFAULTS;
  if (regions.every((region) => isOrderable(region, engineVersion, instanceClass))) choices.push({});
  choicesByRegions.set(key, choices);
  return choices;
}

/** Draws ask for the same few region sets again and again; the table walk is done once each. */
const choicesByRegions = new Map<string, readonly DatabaseChoice[]>();

/** Whether `region`'s CloudFormation has the HTTP API, which an environment there may then ask for. */
export function offersHttpApi(region: string): boolean {
  return !(MISSING_RESOURCE_TYPES[region as RegionCode] ?? []).includes('AWS::ApiGatewayV2::Api');
}

/** Whether `region` offers every type a stack of `layer` can create (CodeBuild for a pipeline, say). */
export function offersLayer(region: string, layer: keyof typeof LAYER_RESOURCE_TYPES): boolean {
  const missing = MISSING_RESOURCE_TYPES[region as RegionCode] ?? [];
  return LAYER_RESOURCE_TYPES[layer].every((type) => !missing.includes(type));
}

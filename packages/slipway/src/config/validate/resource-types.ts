/**
 * Resource types a stack's region lacks. Not every AWS service is offered in every region (today
 * CodeBuild is missing from a few new ones), and CloudFormation refuses a template naming a type
 * its region does not have. Each stack Slipway will make is checked against the generated table of
 * gaps (cfn-lint's per-region provider schemas, rule E3006), and the issue names the setting that
 * put the type there: `delivery.pipeline` for CodeBuild and CodePipeline, otherwise the region field
 * of the CI stack or of the environment.
 */
import type { Ingress } from '../../model/ingress.js';
import type { AppModel } from '../../model/types.js';
import {
  CFN_LINT_VERSION,
  LAYER_RESOURCE_TYPES,
  MISSING_RESOURCE_TYPES,
  type RegionCode,
} from '../data/aws-tables.generated.js';
import { REGIONS } from '../data/regions.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import type { ValidationContext, Validator } from './context.js';
import { type StackPlacement, stackPlacements } from './stack-placements.js';

/** Region to the resource types it lacks; the generated table, or another one in tests. */
export type MissingTypes = Readonly<Partial<Record<string, readonly string[]>>>;

/** Services only CodePipeline delivery brings: their absence is fixed by choosing other delivery. */
const DELIVERY_SERVICES: ReadonlySet<string> = new Set(['CodeBuild', 'CodePipeline']);

export const validateResourceTypes: Validator = (ctx) => resourceTypeIssues(ctx, MISSING_RESOURCE_TYPES);

/** One issue per blamed field, region and service, naming every stack that needs the service there. */
export function resourceTypeIssues(ctx: ValidationContext, missing: MissingTypes): ConfigIssue[] {
  const groups = new Map<string, Gap>();
  for (const placement of stackPlacements(ctx.model)) {
    const lacking = new Set(missing[placement.region] ?? []);
    const needed = LAYER_RESOURCE_TYPES[placement.layer].filter(
      (name) => lacking.has(name) && builtFor(name, placement.ingress),
    );
    for (const type of needed) {
      const service = serviceOf(type);
      const blame = blameFor(ctx, placement, service);
      const key = [blame.path, blame.moves, placement.region, service].join('\u0000');
      const gap = groups.get(key) ?? { ...blame, region: placement.region, service, types: [], labels: [] };
      if (!gap.types.includes(type)) gap.types.push(type);
      if (!gap.labels.includes(placement.label)) gap.labels.push(placement.label);
      groups.set(key, gap);
    }
  }
  return [...groups.values()].map((gap) => toIssue(gap, missing));
}

/** Types only one ingress makes: the other ingress's stacks never name them. */
const INGRESS_TYPE_PREFIXES: readonly (readonly [string, Ingress])[] = [
  ['AWS::ApiGatewayV2::', 'http-api'],
  ['AWS::ElasticLoadBalancingV2::', 'load-balancer'],
];

/**
 * Whether a stack joining `ingress` can make `type` (every type, for a stack that joins none). The
 * HTTP API's own types never count here: the ingress check names a region without them, at the
 * ingress, with the way out (`validate/ingress.ts`), and the default does not pick it there.
 */
function builtFor(type: string, ingress: Ingress | undefined): boolean {
  const only = INGRESS_TYPE_PREFIXES.find(([prefix]) => type.startsWith(prefix))?.[1];
  if (only === 'http-api') return false;
  return ingress === undefined || only === undefined || only === ingress;
}

interface Blame {
  /** The field the issue is reported at. */
  readonly path: string;
  /** The region field a fix would change: `ci.region` or `environments.<name>.region`. */
  readonly moves: string;
  /** What the moved stack is called in the fix. */
  readonly mover: string;
  /** Whether choosing GitHub Actions delivery also fixes it. */
  readonly delivery: boolean;
}

interface Gap extends Blame {
  readonly region: string;
  readonly service: string;
  readonly types: string[];
  readonly labels: string[];
}

/** `CodeBuild` for `AWS::CodeBuild::Project`. */
function serviceOf(type: string): string {
  return type.split('::')[1] ?? type;
}

function blameFor(ctx: ValidationContext, placement: StackPlacement, service: string): Blame {
  const inCiRegion = placement.layer === 'ci' || placement.layer === 'pipeline';
  const env = placement.environment;
  const moves = inCiRegion || env === undefined ? 'ci.region' : joinPath('environments', env, 'region');
  const mover = inCiRegion || env === undefined ? 'the CI stack' : `environment '${env}'`;
  const delivery = DELIVERY_SERVICES.has(service);
  if (delivery) return { path: 'delivery.pipeline', moves, mover, delivery };
  return {
    path: moves === 'ci.region' ? ciRegionPath(ctx.config, ctx.model) : moves,
    moves,
    mover,
    delivery,
  };
}

/** `ci.region` when the config sets it; otherwise the CI stack follows the first environment. */
function ciRegionPath(config: SlipwayConfig, model: AppModel): string {
  const first = model.environments[0];
  if (config.ci?.region !== undefined || first === undefined) return 'ci.region';
  return joinPath('environments', first.name, 'region');
}

function toIssue(gap: Gap, missing: MissingTypes): ConfigIssue {
  const name = `AWS ${gap.service}`;
  const where = gap.moves === 'ci.region' ? ' (the CI region)' : '';
  const message =
    `${name} is not offered in ${gap.region}, where Slipway puts ${gap.labels.join(', ')}${where}; ` +
    `cfn-lint ${CFN_LINT_VERSION} lists no ${gap.types.join(', ')} there`;
  const example = regionOffering(gap.region, gap.types, missing);
  const move = `put ${gap.mover} in a region that has ${gap.service} with ${gap.moves}${example ? `, e.g. ${example}` : ''}`;
  const fix = gap.delivery
    ? `use GitHub Actions delivery (delivery.pipeline: 'github-actions'), or ${move}`
    : move;
  return issue(gap.path, message, fix);
}

/** A region that has every one of `types`: one of the same area (`ap-`, `ca-`) when there is one. */
function regionOffering(region: string, types: readonly string[], missing: MissingTypes): string | undefined {
  const offering = (Object.keys(REGIONS) as RegionCode[]).filter(
    (candidate) => candidate !== region && !types.some((type) => missing[candidate]?.includes(type)),
  );
  const area = region.split('-')[0];
  return offering.find((candidate) => candidate.split('-')[0] === area) ?? offering[0];
}

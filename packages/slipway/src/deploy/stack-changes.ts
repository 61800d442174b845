import { diffTemplate, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import type { CfnResource, CfnTemplate } from '../template/types.js';
import { isStatefulResource } from '../stacks/shared/stateful-resources.js';
import { describeMove, type NetworkMove, networkMoves } from './network-moves.js';
import type { ChangeAction, PrivateNameRecords, StackChanges } from './resource-change.js';
import { references } from './template-references.js';

/** A stack's deployed and planned templates, and which of its parameters take new values. */
export interface StackTemplates {
  readonly name: string;
  /** What is deployed now; undefined when the stack does not exist. */
  readonly deployed?: CfnTemplate;
  readonly planned: CfnTemplate;
  /** Template parameters whose value changes although the template text does not (SSM values). */
  readonly changedParameters?: readonly string[];
}

const REPLACING = new Set<ResourceImpact>([ResourceImpact.WILL_REPLACE, ResourceImpact.MAY_REPLACE]);
const REMOVING = new Set<ResourceImpact>([ResourceImpact.WILL_DESTROY, ResourceImpact.WILL_ORPHAN]);

/**
 * Classifies every resource change between the deployed and the planned template, then follows
 * the consequences CloudFormation's own diff leaves out: a replaced resource gets a new physical
 * id, so every property that refers to it changes too and may force its own replacement; a
 * template parameter that reads a changed SSM value does the same. And an RDS instance whose
 * subnet group changes is replaced even though its own properties look the same (aws-cdk #31426).
 * Last, what would move to another VPC or other subnets is marked (`moves`): a database cannot
 * follow its network there in place, whatever CloudFormation calls the change.
 */
export function classifyStackChanges(stack: StackTemplates): StackChanges {
  const planned = stack.planned.Resources ?? {};
  const found = new Map<
    string,
    { type: string; action: ChangeAction; reason?: string; moves?: NetworkMove }
  >();

  const diff = diffTemplate(stack.deployed ?? {}, stack.planned);
  diff.resources.forEachDifference((logicalId, change) => {
    const type = change.newResourceType ?? change.oldResourceType ?? 'unknown';
    if (change.isAddition) return void found.set(logicalId, { type, action: 'add' });
    if (change.isRemoval || REMOVING.has(change.changeImpact)) {
      return void found.set(logicalId, { type, action: 'remove' });
    }
    if (REPLACING.has(change.changeImpact)) {
      return void found.set(logicalId, { type, action: 'replace', reason: replacementReason(change) });
    }
    found.set(logicalId, { type, action: 'modify' });
  });

  // Values that change: parameters given new values, and every replaced or removed resource.
  const changed = new Set(stack.changedParameters ?? []);
  for (const [id, f] of found) if (f.action === 'replace' || f.action === 'remove') changed.add(id);

  let settled = false;
  while (!settled) {
    settled = true;
    for (const [logicalId, resource] of Object.entries(planned)) {
      const current = found.get(logicalId);
      if (current && current.action !== 'modify') continue;
      // A replacement wins over an in-place change found on another property.
      const consequence = strongest(
        followReferences(resource.Type, resource.Properties ?? {}, changed),
        followSubnetGroup(resource.Type, resource.Properties ?? {}, found),
      );
      if (!consequence) continue;
      if (consequence.action === 'replace') {
        found.set(logicalId, { type: resource.Type, ...consequence });
        changed.add(logicalId);
        settled = false;
      } else if (!current) {
        found.set(logicalId, { type: resource.Type, ...consequence });
      }
    }
  }

  const replaced = new Map(
    [...found].filter(([, f]) => f.action === 'replace').map(([id, f]) => [id, f.type]),
  );
  for (const [logicalId, kind] of networkMoves(planned, changed, replaced)) {
    const type = planned[logicalId]?.Type ?? 'unknown';
    const current = found.get(logicalId) ?? {
      type,
      action: 'modify' as const,
      reason: `it would be placed in ${describeMove(kind)}`,
    };
    found.set(logicalId, { ...current, moves: kind });
  }

  const order = [...Object.keys(planned), ...Object.keys(stack.deployed?.Resources ?? {})];
  const changes = [...found]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([logicalId, f]) => ({
      logicalId,
      type: f.type,
      action: f.action,
      // The planned resource, or for a removal the deployed one, says whether it is a read replica.
      stateful: isStatefulResource(planned[logicalId] ?? stack.deployed?.Resources?.[logicalId], f.type),
      ...(f.reason ? { reason: f.reason } : retainedReason(f.action, stack.deployed?.Resources?.[logicalId])),
      ...(f.moves ? { moves: f.moves } : {}),
      ...privateNameOf(f.type, stack.deployed?.Resources?.[logicalId], planned[logicalId]),
      ...(f.action === 'remove' && isRetained(stack.deployed?.Resources?.[logicalId])
        ? { retained: true as const }
        : {}),
    }));
  return { name: stack.name, changes };
}

/** CloudFormation leaves a resource with one of these policies in the account when it leaves the template. */
const RETAINING_POLICIES: ReadonlySet<unknown> = new Set(['Retain', 'RetainExceptOnCreate']);

function isRetained(deployed: CfnResource | undefined): boolean {
  return RETAINING_POLICIES.has(deployed?.DeletionPolicy);
}

function retainedReason(action: ChangeAction, deployed: CfnResource | undefined): { reason?: string } {
  return action === 'remove' && isRetained(deployed)
    ? {
        reason: `kept in the account (DeletionPolicy ${String(deployed!.DeletionPolicy)}), no longer managed by the stack`,
      }
    : {};
}

const CLOUD_MAP_SERVICE = 'AWS::ServiceDiscovery::Service';

/**
 * A Cloud Map service's name and record types on both sides, for the discovery guard: Cloud Map
 * cannot change record types in place, so a change there takes the name away like a removal.
 */
function privateNameOf(
  type: string,
  deployed: CfnResource | undefined,
  planned: CfnResource | undefined,
): { privateName?: PrivateNameRecords } {
  if (type !== CLOUD_MAP_SERVICE) return {};
  // The deployed name is the one that stops resolving, should a replacement also rename it.
  const name = (deployed ?? planned)?.Properties?.Name;
  if (typeof name !== 'string') return {};
  return {
    privateName: { name, deployedTypes: recordTypes(deployed), plannedTypes: recordTypes(planned) },
  };
}

function recordTypes(resource: CfnResource | undefined): string[] {
  const records = (resource?.Properties?.DnsConfig as { DnsRecords?: unknown } | undefined)?.DnsRecords;
  if (!Array.isArray(records)) return [];
  return records
    .map((r: unknown) => (r as { Type?: unknown }).Type)
    .filter((t): t is string => typeof t === 'string')
    .sort();
}

type Consequence = { readonly action: ChangeAction; readonly reason: string };

function strongest(...found: (Consequence | undefined)[]): Consequence | undefined {
  return found.find((c) => c?.action === 'replace') ?? found.find((c) => c !== undefined);
}

/** A property that refers to a changed value changes; its type's rules say whether in place. */
function followReferences(
  type: string,
  properties: Record<string, unknown>,
  changed: ReadonlySet<string>,
): Consequence | undefined {
  let modified: Consequence | undefined;
  for (const [property, value] of Object.entries(properties)) {
    const causes = [...references(value)].filter((name) => changed.has(name));
    if (causes.length === 0) continue;
    const because = `${property} takes a new value from ${causes.join(', ')}`;
    if (REPLACING.has(propertyImpact(type, property))) {
      return { action: 'replace', reason: `${because}, and a new ${property} requires replacement` };
    }
    modified ??= { action: 'modify', reason: because };
  }
  return modified;
}

/**
 * CloudFormation replaces a DB instance whose subnet group changes, although the instance's own
 * `DBSubnetGroupName` stays the same text, and `cdk diff` shows nothing (aws-cdk #31426).
 */
function followSubnetGroup(
  type: string,
  properties: Record<string, unknown>,
  found: ReadonlyMap<string, { action: ChangeAction }>,
): Consequence | undefined {
  if (type !== 'AWS::RDS::DBInstance' && type !== 'AWS::RDS::DBCluster') return undefined;
  for (const group of references(properties.DBSubnetGroupName)) {
    const action = found.get(group)?.action;
    if (action === 'modify' || action === 'replace') {
      return {
        action: 'replace',
        reason: `its subnet group ${group} changes; CloudFormation may replace the instance for that (aws-cdk #31426)`,
      };
    }
  }
  return undefined;
}

function replacementReason(change: {
  propertyUpdates: Record<string, { changeImpact?: ResourceImpact }>;
  oldResourceType?: string;
  newResourceType?: string;
}): string {
  if (change.oldResourceType !== change.newResourceType) return 'its type changes';
  const forcing = Object.entries(change.propertyUpdates)
    .filter(([, update]) => update.changeImpact !== undefined && REPLACING.has(update.changeImpact))
    .map(([property]) => property);
  return forcing.length > 0
    ? `a new ${forcing.join(', ')} requires replacement`
    : 'CloudFormation replaces it';
}

const impactCache = new Map<string, ResourceImpact>();

/** What changing one property does to a resource of `type`, from CloudFormation's resource specs. */
export function propertyImpact(type: string, property: string): ResourceImpact {
  const key = `${type}.${property}`;
  const cached = impactCache.get(key);
  if (cached) return cached;
  let impact: ResourceImpact = ResourceImpact.WILL_UPDATE;
  const probe = (value: string) => ({
    Resources: { Probe: { Type: type, Properties: { [property]: value } } },
  });
  diffTemplate(probe('before'), probe('after')).resources.forEachDifference((_id, change) => {
    impact = change.changeImpact;
  });
  impactCache.set(key, impact);
  return impact;
}

import { references } from '../../deploy/template-references.js';
import type { CfnResource, SynthesizedStack } from '../../template/types.js';

/** A template resource named by a property value, and the attribute read from it, if any. */
export interface ResourceTarget {
  readonly stack: string;
  readonly logicalId: string;
  readonly resource: CfnResource;
  /** `GroupId`, `Arn`, `StreamArn`…; undefined for a plain `Ref`. */
  readonly attribute?: string;
}

/** One resource of the environment, with the stack that holds it. */
export interface StackResource {
  readonly stack: string;
  readonly logicalId: string;
  readonly resource: CfnResource;
}

/** The deployer's metadata key for parameters filled from another region (stacks/shared/cross-region.ts). */
const CROSS_REGION_METADATA = 'Slipway::CrossRegionValues';

/**
 * An environment's templates, read as one graph. Stacks talk through SSM parameters, never
 * exports: a consumer holds a parameter whose default (or, across regions, whose metadata) names
 * `/<app>/<env>/<layer>/<name>`, and the producer an `AWS::SSM::Parameter` of that name whose
 * value points at its resource. Following both ends turns a `Ref` into the resource it means.
 */
export class EnvironmentTemplates {
  private readonly stacks = new Map<string, SynthesizedStack>();
  /** Resource type → its resources, sorted by stack then logical id; built once, read by every extractor. */
  private readonly byType = new Map<string, StackResource[]>();
  /** SSM parameter name → the producer's stack and the value it stores. */
  private readonly published = new Map<string, { stack: string; value: unknown }>();
  /** `<type> <property>` → owner node id → the resources naming it; each pair resolved once. */
  private readonly owners = new Map<string, Map<string, StackResource[]>>();
  /** Node id → the parameter names it is published under; resolved on first use. */
  private publishedByNode: Map<string, string[]> | undefined;

  constructor(stacks: readonly SynthesizedStack[]) {
    for (const stack of stacks) {
      if (this.stacks.has(stack.name)) {
        throw new Error(`environment diagram: stack "${stack.name}" is given twice; pass each stack once.`);
      }
      this.stacks.set(stack.name, stack);
    }
    for (const stack of [...this.stacks.keys()].sort()) {
      const resources = this.stacks.get(stack)?.template.Resources ?? {};
      for (const logicalId of Object.keys(resources).sort()) {
        const resource = resources[logicalId];
        if (resource === undefined) continue;
        const ofType = this.byType.get(resource.Type) ?? [];
        ofType.push({ stack, logicalId, resource });
        this.byType.set(resource.Type, ofType);
      }
    }
    for (const { stack, resource } of this.all('AWS::SSM::Parameter')) {
      const name = resource.Properties?.Name;
      if (typeof name === 'string') this.published.set(name, { stack, value: resource.Properties?.Value });
    }
  }

  /** Every resource of a type across the environment, sorted by stack then logical id. */
  all(type: string): StackResource[] {
    return [...(this.byType.get(type) ?? [])];
  }

  /**
   * Resources of a type whose `property` names the owner: a cluster's add-ons by `ClusterName`,
   * a user pool's clients by `UserPoolId`. In `all`'s order.
   */
  ownedBy(
    type: string,
    property: string,
    owner: { readonly stack: string; readonly logicalId: string },
  ): StackResource[] {
    const key = `${type} ${property}`;
    let byOwner = this.owners.get(key);
    if (byOwner === undefined) {
      byOwner = new Map();
      for (const r of this.all(type)) {
        const target = this.resolve(r.stack, r.resource.Properties?.[property]);
        if (target === undefined) continue;
        const id = resourceNodeId(target);
        const owned = byOwner.get(id) ?? [];
        owned.push(r);
        byOwner.set(id, owned);
      }
      this.owners.set(key, byOwner);
    }
    return [...(byOwner.get(resourceNodeId(owner)) ?? [])];
  }

  /** The SSM parameter names a resource is published under, sorted. */
  publishedNames(target: { readonly stack: string; readonly logicalId: string }): string[] {
    if (this.publishedByNode === undefined) {
      this.publishedByNode = new Map();
      for (const [name, p] of this.published) {
        const resolved = this.resolve(p.stack, p.value);
        if (resolved === undefined) continue;
        const id = resourceNodeId(resolved);
        this.publishedByNode.set(id, [...(this.publishedByNode.get(id) ?? []), name]);
      }
    }
    return [...(this.publishedByNode.get(resourceNodeId(target)) ?? [])].sort();
  }

  resource(stack: string, logicalId: string): CfnResource | undefined {
    return this.stacks.get(stack)?.template.Resources?.[logicalId];
  }

  /** The resource a value names (`Ref`, `Fn::GetAtt`, or a parameter filled from another stack). */
  resolve(stack: string, value: unknown): ResourceTarget | undefined {
    return this.resolveAll(stack, value)[0];
  }

  /**
   * Every resource a value names, in order: each item of a list, and inside `Fn::Join` or
   * `Fn::Sub` each reference (a replica's source ARN is a join around the primary's `Ref`).
   */
  resolveAll(stack: string, value: unknown, seen: ReadonlySet<string> = new Set()): ResourceTarget[] {
    if (Array.isArray(value)) return value.flatMap((item) => this.resolveAll(stack, item, seen));
    if (value === null || typeof value !== 'object') return [];
    const getAtt = (value as Record<string, unknown>)['Fn::GetAtt'];
    if (getAtt !== undefined) {
      const [logicalId, attribute] = Array.isArray(getAtt)
        ? [String(getAtt[0]), String(getAtt[1])]
        : [String(getAtt).split('.')[0] ?? '', String(getAtt).split('.').slice(1).join('.')];
      return this.named(stack, logicalId, attribute, seen);
    }
    return [...references(value)].flatMap((name) => this.named(stack, name, undefined, seen));
  }

  private named(
    stack: string,
    name: string,
    attribute: string | undefined,
    seen: ReadonlySet<string>,
  ): ResourceTarget[] {
    const template = this.stacks.get(stack)?.template;
    const resource = template?.Resources?.[name];
    if (resource !== undefined) return [{ stack, logicalId: name, resource, attribute }];
    const parameterName = this.ssmNameOf(stack, name);
    const key = `${stack}/${name}`;
    if (parameterName === undefined || seen.has(key)) return [];
    const producer = this.published.get(parameterName);
    if (producer === undefined) return [];
    return this.resolveAll(producer.stack, producer.value, new Set([...seen, key]));
  }

  /** The SSM parameter a template parameter is filled from, by default or by the deployer. */
  private ssmNameOf(stack: string, parameter: string): string | undefined {
    const template = this.stacks.get(stack)?.template;
    const declared = template?.Parameters?.[parameter] as { Type?: unknown; Default?: unknown } | undefined;
    if (declared === undefined) return undefined;
    if (
      String(declared.Type).startsWith('AWS::SSM::Parameter::Value') &&
      typeof declared.Default === 'string'
    ) {
      return declared.Default;
    }
    const crossRegion = (template?.Metadata as Record<string, unknown> | undefined)?.[
      CROSS_REGION_METADATA
    ] as Record<string, { parameter?: unknown }> | undefined;
    const source = crossRegion?.[parameter]?.parameter;
    return typeof source === 'string' ? source : undefined;
  }
}

/** A node id for a resource: `<stack>/<logicalId>`. */
export function resourceNodeId(target: { readonly stack: string; readonly logicalId: string }): string {
  return `${target.stack}/${target.logicalId}`;
}

/** The `ResourceRef` a node lists for a resource. */
export function resourceRef(target: StackResource): { stack: string; logicalId: string; type: string } {
  return { stack: target.stack, logicalId: target.logicalId, type: target.resource.Type };
}

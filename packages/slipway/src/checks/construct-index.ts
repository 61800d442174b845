import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ACKNOWLEDGEMENT_METADATA, type AcknowledgementMetadata } from './acknowledge.js';

/** Where a CloudFormation resource of the construct tree lands: its stack and logical id. */
export interface ResourceLocation {
  readonly stack: string;
  readonly logicalId: string;
}

/** An `acknowledge()` call found in the construct tree. */
export interface CodeAcknowledgement extends AcknowledgementMetadata {
  /** Construct path it was made on; '' for the app. */
  readonly path: string;
  /** Stack the construct belongs to; undefined for the app or a stage. */
  readonly stack?: string;
  /** Logical id when made on a CloudFormation resource, else the construct path. */
  readonly resource: string;
}

/** A cdk-nag rule acknowledged through `Validations.of(...).acknowledge()`, bypassing `acknowledge()`. */
export interface BypassedAcknowledgement {
  readonly rule: string;
  readonly path: string;
  readonly stack?: string;
  readonly resource: string;
}

export interface ConstructIndex {
  /** Construct path → location, for every CloudFormation resource. */
  readonly locations: ReadonlyMap<string, ResourceLocation>;
  readonly acknowledgements: readonly CodeAcknowledgement[];
  /** cdk-nag drops such findings before Slipway sees them, so they leave no audit trail. */
  readonly bypassed: readonly BypassedAcknowledgement[];
  /** Construct path of the resource with this logical id in this stack. */
  pathOf(stack: string, logicalId: string): string | undefined;
}

function stackOf(construct: IConstruct): Stack | undefined {
  try {
    return Stack.of(construct);
  } catch {
    return undefined; // the app or a stage: not inside any stack
  }
}

/**
 * Reads the construct tree once: templates carry no construct paths (CDK writes `aws:cdk:path`
 * only when the CLI asks), so this is how findings from templates and from cdk-nag meet.
 */
export function indexConstructs(root: IConstruct): ConstructIndex {
  const locations = new Map<string, ResourceLocation>();
  const paths = new Map<string, string>();
  const acknowledgements: CodeAcknowledgement[] = [];
  const bypassed: BypassedAcknowledgement[] = [];
  const key = (stack: string, logicalId: string) => `${stack}\u0000${logicalId}`;

  for (const construct of root.node.findAll()) {
    const stack = stackOf(construct);
    let logicalId: string | undefined;
    if (CfnResource.isCfnResource(construct) && stack !== undefined) {
      logicalId = String(stack.resolve(construct.logicalId));
      locations.set(construct.node.path, { stack: stack.stackName, logicalId });
      paths.set(key(stack.stackName, logicalId), construct.node.path);
    }
    const path = construct.node.path;
    const where = { path, stack: stack?.stackName, resource: logicalId ?? (path || '(app)') };
    for (const entry of construct.node.metadata) {
      if (entry.type === ACKNOWLEDGEMENT_METADATA) {
        const { rule, reason } = entry.data as AcknowledgementMetadata;
        acknowledgements.push({ rule, reason, ...where });
      } else if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
        // Keys are namespaced, e.g. `Annotation::AwsSolutions-S1` or `AwsSolutions::AwsSolutions-S1`.
        for (const id of Object.keys(entry.data as Record<string, string>)) {
          const rule = id.split('::').at(-1) ?? id;
          if (rule.startsWith('AwsSolutions-')) bypassed.push({ rule, ...where });
        }
      }
    }
  }
  return {
    locations,
    acknowledgements,
    bypassed,
    pathOf: (stack, logicalId) => paths.get(key(stack, logicalId)),
  };
}

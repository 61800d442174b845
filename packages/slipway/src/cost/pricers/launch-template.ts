import type { CfnResource, SynthesizedStack } from '../../template/types.js';
import {
  literalBoolean,
  literalNumber,
  literalObject,
  literalString,
  refTarget,
} from '../template-values.js';

/** One EBS volume a launch template gives each instance it launches. */
export interface TemplateVolume {
  readonly device: string;
  /** GB; undefined when the template leaves the size to the AMI or writes a token. */
  readonly sizeGb?: number;
  /** `gp3`, `gp2`…; undefined when the template leaves the type to the AMI. */
  readonly type?: string;
}

/** What a node group's launch template says that bears on its cost. */
export interface LaunchTemplateFacts {
  readonly logicalId: string;
  readonly instanceType?: string;
  readonly volumes: readonly TemplateVolume[];
  /** One-minute EC2 metrics, billed as CloudWatch custom metrics. */
  readonly detailedMonitoring: boolean;
}

/**
 * The launch template a node group's `LaunchTemplate` names: `Id` as a `Ref` (what CDK writes) or
 * `Name` as a literal, looked up in the node group's own stack; undefined when it is elsewhere.
 */
export function findLaunchTemplate(
  stack: SynthesizedStack,
  specification: unknown,
): { readonly logicalId: string; readonly resource: CfnResource } | undefined {
  const spec = literalObject(specification);
  const resources = stack.template.Resources ?? {};
  const byRef = refTarget(spec?.Id);
  const referenced = byRef === undefined ? undefined : resources[byRef];
  if (byRef !== undefined && referenced?.Type === 'AWS::EC2::LaunchTemplate') {
    return { logicalId: byRef, resource: referenced };
  }
  const name = literalString(spec?.Name);
  if (name === undefined) return undefined;
  const found = Object.entries(resources).find(
    ([, r]) => r.Type === 'AWS::EC2::LaunchTemplate' && r.Properties?.LaunchTemplateName === name,
  );
  return found && { logicalId: found[0], resource: found[1] };
}

/** The instance type, EBS volumes and monitoring a launch template's `LaunchTemplateData` sets. */
export function launchTemplateFacts(logicalId: string, resource: CfnResource): LaunchTemplateFacts {
  const data = literalObject(resource.Properties?.LaunchTemplateData);
  const mappings = Array.isArray(data?.BlockDeviceMappings) ? data.BlockDeviceMappings : [];
  const volumes = mappings.flatMap((entry): TemplateVolume[] => {
    const mapping = literalObject(entry);
    const ebs = literalObject(mapping?.Ebs);
    if (!ebs) return [];
    return [
      {
        device: literalString(mapping?.DeviceName) ?? '(no device name)',
        sizeGb: literalNumber(ebs.VolumeSize),
        type: literalString(ebs.VolumeType),
      },
    ];
  });
  return {
    logicalId,
    instanceType: literalString(data?.InstanceType),
    volumes,
    detailedMonitoring: literalBoolean(literalObject(data?.Monitoring)?.Enabled) === true,
  };
}

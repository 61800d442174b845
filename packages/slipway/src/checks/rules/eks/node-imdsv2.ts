import type { CfnResource, CfnTemplate } from '../../../template/types.js';
import { resourcesOfType, referencedLogicalId } from '../support/references.js';
import { isRecord, property, show, toNumber } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { describeEksResource, eksConfigField } from './eks-resources.js';

/** The launch template a node group names, by `Id` (a Ref) or by `Name`, when it is in this template. */
function launchTemplateOf(nodeGroup: CfnResource, template: CfnTemplate): CfnResource | undefined {
  const spec = property(nodeGroup, 'LaunchTemplate');
  if (!isRecord(spec)) return undefined;
  const byId = referencedLogicalId(spec.Id);
  if (byId !== undefined) return template.Resources?.[byId];
  if (spec.Name === undefined) return undefined;
  return resourcesOfType(template, 'AWS::EC2::LaunchTemplate').find(
    ({ resource }) => show(property(resource, 'LaunchTemplateName')) === show(spec.Name),
  )?.resource;
}

/** Why the metadata options let a pod reach the node's credentials, or undefined when they do not. */
function metadataProblem(launchTemplate: CfnResource): string | undefined {
  const data = property(launchTemplate, 'LaunchTemplateData');
  const options = isRecord(data) && isRecord(data.MetadataOptions) ? data.MetadataOptions : {};
  const problems: string[] = [];
  if (options.HttpTokens !== 'required') problems.push(`HttpTokens ${show(options.HttpTokens ?? 'unset')}`);
  // Unset is not 1: AMIs that require IMDSv2 themselves, AL2023's among them, default the hop limit to 2.
  const hops = toNumber(options.HttpPutResponseHopLimit);
  if (hops === undefined || hops > 1) {
    problems.push(`HttpPutResponseHopLimit ${show(options.HttpPutResponseHopLimit ?? 'unset')}`);
  }
  return problems.length === 0 ? undefined : problems.join(' and ');
}

function nodeGroupProblem(nodeGroup: CfnResource, template: CfnTemplate): string | undefined {
  const launchTemplate = launchTemplateOf(nodeGroup, template);
  if (launchTemplate === undefined) {
    return 'has no launch template in this stack, so EKS defaults decide its metadata options';
  }
  const problem = metadataProblem(launchTemplate);
  return problem === undefined ? undefined : `launches with ${problem}`;
}

export const eksNodeImdsv2: SlipwayRule = {
  id: 'Slipway-EKS6',
  level: 'error',
  description:
    "A node group must launch from a launch template in its stack that requires IMDSv2 (MetadataOptions.HttpTokens: required) with a hop limit of 1, so pods cannot borrow the node's role from the metadata service.",
  check(resource, { template }) {
    if (resource.Type !== 'AWS::EKS::Nodegroup') return 'not-applicable';
    const problem = nodeGroupProblem(resource, template);
    if (problem === undefined) return 'compliant';
    return violation(
      `${describeEksResource(resource)} ${problem}; ` +
        `the pools of ${eksConfigField(resource, 'nodePools')} get such a template, so a node group added beside them needs one too`,
    );
  },
};

import type { Price } from '../prices/types.js';
import type { CfnResource } from '../../template/types.js';
import { cite, qty, unitUsd } from '../format.js';
import {
  type CostLine,
  costLine,
  type Pricer,
  type PricingContext,
  unpricedLine,
} from '../pricing-context.js';
import { literalNumber, literalObject, literalString } from '../template-values.js';
import { findLaunchTemplate, type LaunchTemplateFacts, launchTemplateFacts } from './launch-template.js';

/** What EKS launches when neither the node group nor its launch template names a type (EKS API reference). */
const EKS_DEFAULT_INSTANCE_TYPE = 't3.medium';

/**
 * Set to `true` on an estimate-only node group (plan/controller-nodes.ts) whose nodes EKS Auto Mode
 * runs: their management fee is priced as a line of its own beside the instances.
 */
export const AUTO_MODE_MANAGEMENT_PROPERTY = 'SlipwayEksAutoModeManagement';

/**
 * EKS Auto Mode's management fee as a share of the instance type's on-demand price, billed per
 * instance-hour on top of EC2 whatever the purchase option (Spot too). The EKS pricing page lists a
 * fee per instance type; cost guides put those at about 12 % of on-demand. Not in the region tables
 * yet, so the same share in every region.
 */
export const AUTO_MODE_FEE_SHARE: Price = {
  usd: 0.12,
  unit: 'share of on-demand',
  source: '3P',
  reference:
    'Amazon EKS pricing, EKS Auto Mode (a fee per instance type and hour), as cost guides quote it: ' +
    'about 12 % of the on-demand price (factualminds.com and cloudburn.io EKS pricing guides, 2026)',
  date: '2026-12',
  verified: false,
  note: "derived: 0.12 × the type's on-demand price; the published per-type fees round differently",
};

/**
 * `AWS::EKS::Nodegroup`: `ScalingConfig.DesiredSize` instances of the first of `InstanceTypes` for
 * the month's hours, on-demand or, with `CapacityType: SPOT`, on-demand × the assumed Spot factor;
 * plus each node's EBS volumes as its launch template gives them, by the GB-month. The autoscaler
 * may run more or fewer nodes than desired, and a Spot pool with several types may launch another
 * type than the first; the estimate prices the node group as declared.
 */
export const priceEksNodegroup: Pricer = (logicalId, resource, context) => {
  const props = resource.Properties ?? {};
  const nodes = literalNumber(literalObject(props.ScalingConfig)?.DesiredSize);
  if (nodes === undefined) {
    return [
      unpricedLine(
        context,
        logicalId,
        resource,
        'ScalingConfig.DesiredSize is not a literal number, so the node count is unknown',
      ),
    ];
  }
  const found = findLaunchTemplate(context.stack, props.LaunchTemplate);
  const template = found && launchTemplateFacts(found.logicalId, found.resource);
  return [
    instanceLine(logicalId, resource, context, nodes, template),
    ...(props[AUTO_MODE_MANAGEMENT_PROPERTY] === true
      ? [autoModeFeeLine(logicalId, resource, context, nodes)]
      : []),
    ...volumeLines(logicalId, resource, context, nodes, template),
  ];
};

/** Auto Mode's fee for the node group's instances: the share of the first type's on-demand price, per hour. */
function autoModeFeeLine(
  logicalId: string,
  resource: CfnResource,
  context: PricingContext,
  nodes: number,
): CostLine {
  const choice = chosenType(resource.Properties ?? {});
  if ('reason' in choice)
    return unpricedLine(context, logicalId, resource, `Auto Mode fee: ${choice.reason}`);
  const price = context.prices.ec2InstanceHour[choice.type];
  if (!price) {
    return unpricedLine(
      context,
      logicalId,
      resource,
      `Auto Mode fee: no bundled EC2 price for instance type ${choice.type} in ${context.prices.region}`,
    );
  }
  const hours = context.usage.hoursPerMonth;
  const share = AUTO_MODE_FEE_SHARE;
  return costLine(
    context,
    logicalId,
    resource,
    'EKS nodes',
    nodes * hours * price.usd * share.usd,
    `EKS Auto Mode fee: ${qty(nodes)} × ${choice.type} × ${qty(hours)} h × ${unitUsd(price)} on-demand × ` +
      `${share.usd} ${cite('EKS Auto Mode', share, price)}`,
  );
}

type Choice = { readonly type: string; readonly said: string } | { readonly reason: string };

/** The instance type priced, and how it was chosen, for the line. */
function chosenType(props: Readonly<Record<string, unknown>>, template?: LaunchTemplateFacts): Choice {
  const listed: readonly unknown[] = Array.isArray(props.InstanceTypes) ? props.InstanceTypes : [];
  if (listed.length > 0) {
    const first = literalString(listed[0]);
    if (first === undefined) return { reason: 'InstanceTypes[0] is not a literal instance type' };
    const all = listed.map((t) => literalString(t) ?? '(token)').join(', ');
    return {
      type: first,
      said: listed.length > 1 ? ` (the first of InstanceTypes ${all}; EKS may launch the others)` : '',
    };
  }
  if (template?.instanceType) {
    return { type: template.instanceType, said: ` (from launch template ${template.logicalId})` };
  }
  return { type: EKS_DEFAULT_INSTANCE_TYPE, said: " (EKS's default: no instance type named)" };
}

function instanceLine(
  logicalId: string,
  resource: CfnResource,
  context: PricingContext,
  nodes: number,
  template?: LaunchTemplateFacts,
): CostLine {
  const props = resource.Properties ?? {};
  const choice = chosenType(props, template);
  if ('reason' in choice) return unpricedLine(context, logicalId, resource, choice.reason);
  const capacity = literalString(props.CapacityType) ?? 'ON_DEMAND';
  if (capacity !== 'ON_DEMAND' && capacity !== 'SPOT') {
    return unpricedLine(
      context,
      logicalId,
      resource,
      `capacity type ${capacity} is not in the table (ON_DEMAND and SPOT are)`,
    );
  }
  const price = context.prices.ec2InstanceHour[choice.type];
  if (!price) {
    const families = [...new Set(Object.keys(context.prices.ec2InstanceHour).map(familyOf))].join(', ');
    return unpricedLine(
      context,
      logicalId,
      resource,
      `no bundled EC2 price for instance type ${choice.type} in ${context.prices.region} ` +
        `(priced families: ${families})`,
    );
  }
  const hours = context.usage.hoursPerMonth;
  const spot = capacity === 'SPOT' ? context.prices.prices['ec2.spot-factor'] : undefined;
  const capacityText = spot ? ` × ${spot.usd} Spot` : ' on-demand';
  const monitoring = template?.detailedMonitoring
    ? '; detailed monitoring is on in its launch template: its one-minute CloudWatch metrics ' +
      '(about $2 per instance a month) are not counted'
    : '';
  return costLine(
    context,
    logicalId,
    resource,
    'EKS nodes',
    nodes * hours * price.usd * (spot?.usd ?? 1),
    `${qty(nodes)} × ${choice.type}${choice.said} × ${qty(hours)} h × ${unitUsd(price)}${capacityText} ` +
      `${cite('EC2', price, ...(spot ? [spot] : []))}${monitoring}`,
  );
}

/** Each node's EBS volumes from its launch template, priced by the GB-month (gp3 only). */
function volumeLines(
  logicalId: string,
  resource: CfnResource,
  context: PricingContext,
  nodes: number,
  template?: LaunchTemplateFacts,
): CostLine[] {
  if (!template) {
    const disk = literalNumber(resource.Properties?.DiskSize) ?? 20;
    return [
      unpricedLine(
        context,
        logicalId,
        resource,
        `node volumes: no launch template found in this stack, so the ${disk} GiB disk of a type EKS ` +
          'chooses is not priced',
      ),
    ];
  }
  const gp3 = context.prices.prices['ebs.gp3.gb-month'];
  return template.volumes.map((volume) => {
    const where = `${volume.device} of launch template ${template.logicalId}`;
    if (volume.sizeGb === undefined || volume.type !== 'gp3') {
      const why =
        volume.sizeGb === undefined
          ? 'its size is left to the AMI or is not a literal'
          : `volume type ${volume.type ?? '(left to the AMI)'} is not in the table (gp3 is)`;
      return unpricedLine(context, logicalId, resource, `node volume ${where}: ${why}`);
    }
    return costLine(
      context,
      logicalId,
      resource,
      'EKS nodes',
      nodes * volume.sizeGb * gp3.usd,
      `${qty(nodes)} × ${qty(volume.sizeGb)} GB gp3 (${where}) × ${unitUsd(gp3)} per month ${cite('EBS', gp3)}`,
    );
  });
}

/** `t4g.medium` → `t4g`. */
function familyOf(instanceType: string): string {
  return instanceType.slice(0, instanceType.indexOf('.'));
}

import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::EKS::Cluster`: the control plane's hours in standard support. A cluster whose upgrade
 * policy allows extended support (CloudFormation's default) costs six times as much once its
 * version leaves standard support, which the line says. Nodes are priced by their node groups.
 */
export const priceEksCluster: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['eks.cluster-hour'];
  const hours = context.usage.hoursPerMonth;
  const policy = (resource.Properties?.['UpgradePolicy'] as { SupportType?: unknown } | undefined)
    ?.SupportType;
  const extended =
    policy === 'STANDARD'
      ? ''
      : '; with extended support allowed, the cluster costs $0.60 per hour once its version leaves standard support';
  return [
    costLine(
      context,
      logicalId,
      resource,
      'EKS',
      hours * price.usd,
      `control plane ${qty(hours)} h × ${unitUsd(price)} ${cite('EKS', price)}${extended}`,
    ),
  ];
};

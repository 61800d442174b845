import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import { literalString } from '../template-values.js';

/**
 * `AWS::EC2::VPCEndpoint`: gateway endpoints (S3, DynamoDB) are free; interface endpoints cost per
 * zone (subnet) per hour. Data processed is not estimated.
 */
export const priceVpcEndpoint: Pricer = (logicalId, resource, context) => {
  const props = resource.Properties ?? {};
  if ((literalString(props.VpcEndpointType) ?? 'Gateway') !== 'Interface') return [];
  const zones = Array.isArray(props.SubnetIds) ? Math.max(1, props.SubnetIds.length) : 1;
  const price = context.prices.prices['vpc.interface-endpoint-az-hour'];
  const hours = context.usage.hoursPerMonth;
  return [
    costLine(
      context,
      logicalId,
      resource,
      'VPC endpoints',
      zones * hours * price.usd,
      `${qty(zones)} zone(s) × ${qty(hours)} h × ${unitUsd(price)} ${cite('interface endpoint', price)}`,
    ),
  ];
};

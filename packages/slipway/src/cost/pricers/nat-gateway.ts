import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::EC2::NatGateway`: gateway-hours plus `usage.natGbPerMonth` GB processed. Its Elastic IP is
 * an `AWS::EC2::EIP` of its own and priced there.
 */
export const priceNatGateway: Pricer = (logicalId, resource, context) => {
  const hourly = context.prices.prices['nat.hour'];
  const perGb = context.prices.prices['nat.gb'];
  const hours = context.usage.hoursPerMonth;
  const gb = context.usage.natGbPerMonth;
  return [
    costLine(
      context,
      logicalId,
      resource,
      'NAT gateway',
      hours * hourly.usd + gb * perGb.usd,
      `${qty(hours)} h × ${unitUsd(hourly)} + ${qty(gb)} GB × ${unitUsd(perGb)} ${cite('NAT gateway', hourly, perGb)}`,
    ),
  ];
};

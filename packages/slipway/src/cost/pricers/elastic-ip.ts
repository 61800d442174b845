import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/** `AWS::EC2::EIP`: every public IPv4 address is billed by the hour, attached or not (since 2024-02). */
export const priceElasticIp: Pricer = (logicalId, resource, context) => {
  const ipv4 = context.prices.prices['ipv4.address-hour'];
  const hours = context.usage.hoursPerMonth;
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Public IPv4',
      hours * ipv4.usd,
      `1 address × ${qty(hours)} h × ${unitUsd(ipv4)} ${cite('public IPv4', ipv4)}`,
    ),
  ];
};

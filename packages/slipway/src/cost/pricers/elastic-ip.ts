import { costLine, type Pricer } from '../pricing-context.js';
import { publicIpv4Charge } from './public-ipv4.js';

/** `AWS::EC2::EIP`: every public IPv4 address is billed by the hour, attached or not (since 2024-02). */
export const priceElasticIp: Pricer = (logicalId, resource, context) => {
  const charge = publicIpv4Charge(context.prices.prices, 1, context.usage.hoursPerMonth, '1 address');
  return [costLine(context, logicalId, resource, 'Public IPv4', charge.usd, charge.basis)];
};

import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/** What the usage model assumes per distribution when it does not say. */
export const EDGE_REQUEST_MILLIONS_DEFAULT = 1;
export const EDGE_TRANSFER_GB_DEFAULT = 10;

/**
 * `AWS::CloudFront::Distribution`: HTTPS requests and transfer out to viewers from the usage model
 * (`usage.edgeRequestMillionsPerMonth`, `usage.edgeTransferGbPerMonth`), at the United States and
 * Europe rates. A distribution has no hourly charge; a VPC origin costs nothing beyond it.
 */
export const priceDistribution: Pricer = (logicalId, resource, context) => {
  const millions = context.usage.edgeRequestMillionsPerMonth ?? EDGE_REQUEST_MILLIONS_DEFAULT;
  const gb = context.usage.edgeTransferGbPerMonth ?? EDGE_TRANSFER_GB_DEFAULT;
  const requests = context.prices.prices['cloudfront.https-request-10k'];
  const transfer = context.prices.prices['cloudfront.transfer-out-gb'];
  const tenThousands = millions * 100;
  return [
    costLine(
      context,
      logicalId,
      resource,
      'CloudFront',
      tenThousands * requests.usd + gb * transfer.usd,
      `${qty(millions)} M requests × ${unitUsd(requests)} + ${qty(gb)} GB out × ${unitUsd(transfer)} ` +
        cite('CloudFront', requests, transfer),
    ),
  ];
};

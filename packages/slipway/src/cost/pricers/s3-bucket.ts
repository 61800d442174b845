import { type Pricer, unpricedLine } from '../pricing-context.js';

/**
 * `AWS::S3::Bucket`: buckets here hold load balancer logs, whose volume the usage model does not
 * carry, so the line says storage is not estimated rather than pretending it is free.
 */
export const priceS3Bucket: Pricer = (logicalId, resource, context) => [
  unpricedLine(
    context,
    logicalId,
    resource,
    'bucket storage and requests depend on a volume the usage model does not carry (small for access logs)',
  ),
];

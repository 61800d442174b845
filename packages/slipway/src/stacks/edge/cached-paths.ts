import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import type { CachedPathModel } from '../../model/edge.js';
import { logicalIdPart } from '../shared/logical-ids.js';

/**
 * One behaviour per cached path pattern, with a cache policy of its own TTL: GET and HEAD only,
 * keyed on the path and query string (never on cookies or the Authorization header, so a cached
 * answer cannot carry one user's data to another), compressed.
 */
export function cachedBehaviors(
  scope: Construct,
  props: { name: string; origin: cloudfront.IOrigin; paths: readonly CachedPathModel[] },
): Record<string, cloudfront.BehaviorOptions> {
  const behaviors: Record<string, cloudfront.BehaviorOptions> = {};
  for (const path of props.paths) {
    const ttl = Duration.seconds(path.ttlSeconds);
    const policy = new cloudfront.CachePolicy(scope, `CachePolicy${logicalIdPart(path.pattern) || 'Root'}`, {
      cachePolicyName: `${props.name}-${logicalIdPart(path.pattern) || 'root'}`.slice(0, 128),
      comment: `${props.name}: ${path.pattern} for ${path.ttlSeconds} s`,
      defaultTtl: ttl,
      minTtl: Duration.seconds(0),
      maxTtl: ttl,
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    behaviors[path.pattern] = {
      origin: props.origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: policy,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      compress: true,
    };
  }
  return behaviors;
}

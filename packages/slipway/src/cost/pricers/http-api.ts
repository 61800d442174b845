import { cite, qty, unitUsd } from '../format.js';
import { type Charge, costLine, type Pricer, type PricingContext, unpricedLine } from '../pricing-context.js';
import type { RegionPrices } from '../prices/types.js';
import { literalString } from '../template-values.js';
import type { UsageModel } from '../../model/types.js';
import type { CfnResource } from '../../template/types.js';

/** What the usage model assumes when it does not say: a million requests a month, a quiet dev environment. */
export const HTTP_API_REQUEST_MILLIONS_DEFAULT = 1;
/** AWS bills HTTP API requests at a lower rate beyond 300 million a month (per account and region). */
const FIRST_TIER_MILLIONS = 300;

/**
 * The API's protocol: `ProtocolType` when literal; an API imported from an OpenAPI definition
 * (`Body`, `BodyS3Location`) leaves it out and is an HTTP API, the only kind an import makes.
 */
function protocolOf(resource: CfnResource): string | undefined {
  const props = resource.Properties ?? {};
  const declared = literalString(props.ProtocolType);
  if (declared !== undefined) return declared.toUpperCase();
  if (props.ProtocolType === undefined && (props.Body !== undefined || props.BodyS3Location !== undefined))
    return 'HTTP';
  return undefined;
}

/** HTTP APIs across the environment's stacks: they share its requests. */
function httpApiCount(context: PricingContext): number {
  return context.stacks
    .flatMap((stack) => Object.values(stack.template.Resources ?? {}))
    .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Api' && protocolOf(resource) === 'HTTP')
    .length;
}

/**
 * `AWS::ApiGatewayV2::Api`: an HTTP API's requests, from the environment's monthly figure
 * (`usage.httpApiRequestMillionsPerMonth`) split evenly over its HTTP APIs, at the first-tier rate
 * up to 300 million a month and the lower rate beyond. Requests over 512 KB count once per 512 KB,
 * and data out is billed at EC2 rates: neither is in the usage model. The account's free tier (a
 * million calls a month for a new account's first year) is ignored. A WebSocket API bills messages
 * and connection minutes, which the table does not carry: it gets a "not priced" line.
 */
export const priceHttpApi: Pricer = (logicalId, resource, context) => {
  const protocol = protocolOf(resource);
  if (protocol === 'WEBSOCKET') {
    return [
      unpricedLine(
        context,
        logicalId,
        resource,
        'a WebSocket API bills messages and connection minutes, which the price table and usage model do not carry',
      ),
    ];
  }
  if (protocol !== 'HTTP') {
    return [
      unpricedLine(
        context,
        logicalId,
        resource,
        `ProtocolType is ${JSON.stringify(resource.Properties?.ProtocolType ?? null)}, not HTTP or WEBSOCKET written out`,
      ),
    ];
  }
  const charge = httpApiRequestCharge(
    context.prices.prices,
    context.usage,
    Math.max(1, httpApiCount(context)),
  );
  return [costLine(context, logicalId, resource, 'API Gateway', charge.usd, charge.basis)];
};

/**
 * One HTTP API's share of the environment's requests (`usage.httpApiRequestMillionsPerMonth`, the
 * default when unset) when `apis` HTTP APIs share them: the first-tier rate up to 300 million a
 * month, the lower rate beyond.
 */
export function httpApiRequestCharge(prices: RegionPrices, usage: UsageModel, apis = 1): Charge {
  const total = usage.httpApiRequestMillionsPerMonth ?? HTTP_API_REQUEST_MILLIONS_DEFAULT;
  const first = prices['apigateway.http.request-million'];
  const firstMillions = Math.min(total, FIRST_TIER_MILLIONS);
  const overMillions = total - firstMillions;
  // Read the second tier only when the volume reaches it, so an estimate below it does not count
  // that figure among those it used.
  const over = overMillions > 0 ? prices['apigateway.http.request-million-over-300m'] : undefined;
  const environmentUsd = firstMillions * first.usd + (over ? overMillions * over.usd : 0);
  const tiers =
    `${qty(firstMillions)} M requests × ${unitUsd(first)}` +
    (over ? ` + ${qty(overMillions)} M × ${unitUsd(over)} beyond ${FIRST_TIER_MILLIONS} M` : '');
  const shared = apis > 1 ? `(${tiers}) ÷ ${apis} HTTP APIs sharing the environment's requests` : tiers;
  return {
    usd: environmentUsd / apis,
    basis: `${shared} ${cite('API Gateway HTTP API', ...(over ? [first, over] : [first]))}`,
  };
}

import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * What the estimate assumes when the config's usage does not say: a thousand monthly active users
 * per pool (inside the free tier), and per machine client a thousand token requests a month (a
 * cached token renewed hourly by one task is 720).
 */
export const COGNITO_USAGE_DEFAULTS = { monthlyActiveUsers: 1000, tokenRequestsPerClient: 1000 } as const;

/** Essentials and Lite pools share 10,000 free monthly active users per account, every month. */
export const ESSENTIALS_FREE_MAU = 10_000;

/**
 * `AWS::Cognito::UserPool`: Essentials tier, per monthly active user above the free tier. Each pool
 * is priced as if it had the account's free tier to itself.
 */
export const priceUserPool: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['cognito.essentials.mau-month'];
  const users = context.usage.authMonthlyActiveUsers ?? COGNITO_USAGE_DEFAULTS.monthlyActiveUsers;
  const billed = Math.max(0, users - ESSENTIALS_FREE_MAU);
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Cognito',
      billed * price.usd,
      `${qty(users)} monthly active users, ${qty(ESSENTIALS_FREE_MAU)} free per account, ${qty(billed)} × ` +
        `${unitUsd(price)} ${cite('Cognito Essentials', price)}; emails beyond Cognito's own not counted`,
    ),
  ];
};

/**
 * `AWS::Cognito::UserPoolClient`: free for users signing in (they are priced as MAUs); a machine
 * client (client-credentials grant) costs a monthly fee plus its token requests.
 */
export const priceUserPoolClient: Pricer = (logicalId, resource, context) => {
  const flows = resource.Properties?.AllowedOAuthFlows;
  if (!Array.isArray(flows) || !flows.includes('client_credentials')) return [];
  const client = context.prices.prices['cognito.m2m.client-month'];
  const tokens = context.prices.prices['cognito.m2m.token-requests-1k'];
  const requests = context.usage.authTokenRequestsPerMonth ?? COGNITO_USAGE_DEFAULTS.tokenRequestsPerClient;
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Cognito',
      client.usd + (requests / 1000) * tokens.usd,
      `1 machine client × ${unitUsd(client)} per month + ${qty(requests)} token requests × ` +
        `${unitUsd(tokens)} per 1,000 ${cite('Cognito M2M', client, tokens)}`,
    ),
  ];
};

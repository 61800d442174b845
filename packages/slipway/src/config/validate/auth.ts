/**
 * Auth: the user pool's settings are in Cognito's ranges and production keeps MFA on; every scope
 * a client or service names is defined on a resource server; clients a service accepts exist;
 * sign-in redirects go over HTTPS (plain HTTP on localhost only); a service checks tokens only
 * where there is a pool to check them against; and each machine client is bound to at most one
 * declared service, each service to at most one client.
 */
import type { AppModel } from '../../model/types.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { AuthConfig, SlipwayConfig } from '../schema.js';
import { didYouMean, listOf } from '../suggest.js';
import type { Validator } from './context.js';

const CLIENT_NAME = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;
/** Cognito's resource-server identifier: printable ASCII without space, `"` or `\`. */
const IDENTIFIER = /^[\x21\x23-\x5b\x5d-\x7e]{1,256}$/;
/** A scope name: the same, less `/`, which separates it from the identifier in a token. */
const SCOPE_NAME = /^[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]{1,256}$/;
/** Cognito prefix domains: lower-case letters, digits and hyphens, up to 63 characters. */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_IN_DOMAIN = ['aws', 'amazon', 'cognito'];
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const PASSWORD_LENGTH = { min: 12, max: 99 };
const TOKEN_MINUTES = { min: 5, max: 1440 };

export const validateAuth: Validator = ({ config, model }) => {
  const auth = config.auth;
  return [
    ...(auth === undefined ? [] : checkPool(auth, model)),
    ...(auth === undefined ? [] : checkResourceServers(auth)),
    ...(auth === undefined ? [] : checkClients(auth)),
    ...(auth === undefined ? [] : checkCallers(auth, config, model)),
    ...checkServices(config, model),
  ];
};

function checkPool(auth: AuthConfig, model: AppModel): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const pool = auth.userPool ?? {};
  const production = model.environments.filter((env) => env.production).map((env) => env.name);
  if (pool.mfa === 'off' && production.length > 0) {
    issues.push(
      issue(
        'auth.userPool.mfa',
        `MFA is 'off' but production environment${production.length > 1 ? 's' : ''} ${listOf(production)} would sign users in with a password alone`,
        "set mfa to 'optional' (users may add an authenticator app) or 'required'",
      ),
    );
  }
  const length = pool.passwordMinLength;
  if (length !== undefined && (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max)) {
    issues.push(
      issue(
        'auth.userPool.passwordMinLength',
        `${length} is outside ${PASSWORD_LENGTH.min}–${PASSWORD_LENGTH.max} characters`,
        `set a length from ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max}, or remove it for ${PASSWORD_LENGTH.min}`,
      ),
    );
  }
  const minutes = auth.accessTokenValidityMinutes;
  if (minutes !== undefined && (minutes < TOKEN_MINUTES.min || minutes > TOKEN_MINUTES.max)) {
    issues.push(
      issue(
        'auth.accessTokenValidityMinutes',
        `${minutes} minutes is outside what Cognito allows for an access token (${TOKEN_MINUTES.min}–${TOKEN_MINUTES.max})`,
        `set ${TOKEN_MINUTES.min} to ${TOKEN_MINUTES.max}, or remove it for 60`,
      ),
    );
  }
  for (const env of model.environments) {
    const prefix = env.auth?.userPool.domainPrefix;
    if (prefix === undefined) continue;
    const path = pool.domainPrefix === undefined ? 'auth.userPool' : 'auth.userPool.domainPrefix';
    const reserved = RESERVED_IN_DOMAIN.find((word) => prefix.includes(word));
    if (!DOMAIN_PREFIX.test(prefix) || reserved !== undefined) {
      issues.push(
        issue(
          path,
          `the Cognito domain prefix '${prefix}' of environment '${env.name}' is not one Cognito accepts` +
            (reserved === undefined ? '' : ` (it contains '${reserved}')`),
          "set domainPrefix to lower-case letters, digits and hyphens (at most 63, without 'aws', 'amazon' or 'cognito'); the environment's name is not added to it",
        ),
      );
    }
  }
  // One prefix for every environment collides where two share a region: a prefix is unique there.
  const regions = model.environments.map((env) => env.region);
  const shared = regions.find((region, index) => regions.indexOf(region) !== index);
  if (pool.domainPrefix !== undefined && shared !== undefined) {
    issues.push(
      issue(
        'auth.userPool.domainPrefix',
        `every environment would take the Cognito domain '${pool.domainPrefix}', and two are in ${shared}, where a prefix is unique`,
        "remove domainPrefix to get '<app>-<env>' in each environment",
      ),
    );
  }
  return issues;
}

function checkResourceServers(auth: AuthConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [identifier, server] of Object.entries(auth.resourceServers ?? {})) {
    const path = joinPath('auth', 'resourceServers', identifier);
    if (!IDENTIFIER.test(identifier)) {
      issues.push(
        issue(
          path,
          `'${identifier}' is not a resource-server identifier Cognito accepts`,
          "use printable characters without spaces, quotes or backslashes, e.g. 'orders'",
        ),
      );
    }
    if (Object.keys(server.scopes).length === 0) {
      issues.push(
        issue(
          joinPath(path, 'scopes'),
          'a resource server without scopes gives clients nothing to ask for',
          "add a scope, e.g. scopes: { write: 'Create and change orders' }",
        ),
      );
    }
    for (const name of Object.keys(server.scopes).filter((scope) => !SCOPE_NAME.test(scope))) {
      issues.push(
        issue(
          joinPath(path, 'scopes', name),
          `'${name}' is not a scope name Cognito accepts`,
          "use printable characters without spaces, quotes, slashes or backslashes, e.g. 'write'",
        ),
      );
    }
  }
  return issues;
}

/** `<identifier>/<scope>` for every scope of every resource server. */
function definedScopes(auth: AuthConfig): string[] {
  return Object.entries(auth.resourceServers ?? {}).flatMap(([identifier, server]) =>
    Object.keys(server.scopes).map((scope) => `${identifier}/${scope}`),
  );
}

function undefinedScope(path: string, scope: string, defined: readonly string[]): ConfigIssue {
  const slash = scope.lastIndexOf('/');
  const server = slash > 0 ? scope.slice(0, slash) : undefined;
  return issue(
    path,
    `scope '${scope}' is not defined on ${server === undefined ? 'any resource server' : `resource server '${server}'`}${didYouMean(scope, defined)}`,
    defined.length > 0
      ? `use one of ${listOf(defined)}, or define it under auth.resourceServers`
      : "define it under auth.resourceServers, e.g. resourceServers: { orders: { scopes: { write: 'Create and change orders' } } }, and name it 'orders/write'",
  );
}

function checkClients(auth: AuthConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const defined = definedScopes(auth);
  const appNames = Object.keys(auth.appClients ?? {});
  for (const [kind, names] of [
    ['appClients', appNames],
    ['machineClients', Object.keys(auth.machineClients ?? {})],
  ] as const) {
    for (const name of names.filter((n) => !CLIENT_NAME.test(n))) {
      issues.push(
        issue(
          joinPath('auth', kind, name),
          `'${name}' is not a usable client name`,
          "use lower-case letters, digits and single hyphens, starting with a letter, e.g. 'web'",
        ),
      );
    }
  }
  for (const name of Object.keys(auth.machineClients ?? {}).filter((n) => appNames.includes(n))) {
    issues.push(
      issue(
        joinPath('auth', 'machineClients', name),
        `'${name}' is also an app client, and services name clients of either kind`,
        'give the machine client another name',
      ),
    );
  }
  for (const [name, client] of Object.entries(auth.appClients ?? {})) {
    const path = joinPath('auth', 'appClients', name);
    if (client.callbackUrls.length === 0) {
      issues.push(
        issue(
          joinPath(path, 'callbackUrls'),
          'an app client without a callback URL cannot finish a sign-in',
          "add the app's address, e.g. 'https://app.example.com/callback'",
        ),
      );
    }
    for (const [field, urls] of [
      ['callbackUrls', client.callbackUrls],
      ['logoutUrls', client.logoutUrls ?? []],
    ] as const) {
      urls.forEach((url, index) => {
        const problem = redirectProblem(url);
        if (problem !== undefined) {
          issues.push(
            issue(
              joinPath(path, field, index),
              `'${url}' ${problem}`,
              'use an https:// address, or http://localhost for local development',
            ),
          );
        }
      });
    }
    (client.scopes ?? []).forEach((scope, index) => {
      if (!defined.includes(scope))
        issues.push(undefinedScope(joinPath(path, 'scopes', index), scope, defined));
    });
  }
  for (const [name, client] of Object.entries(auth.machineClients ?? {})) {
    const path = joinPath('auth', 'machineClients', name, 'scopes');
    if (client.scopes.length === 0) {
      issues.push(
        issue(
          path,
          'a machine client without scopes cannot get a token (the client-credentials grant needs one)',
          defined.length > 0
            ? `add one of ${listOf(defined)}`
            : 'define a scope under auth.resourceServers and add it here',
        ),
      );
    }
    client.scopes.forEach((scope, index) => {
      if (!defined.includes(scope)) issues.push(undefinedScope(joinPath(path, index), scope, defined));
    });
  }
  return issues;
}

/**
 * The services that sign in as machine clients: an explicit `service` must be declared, one service
 * holds one client's credentials (it gets one AUTH_CALLER_CLIENT_ID), and, like a service's token
 * check, a caller's credentials reach ECS services only.
 */
function checkCallers(auth: AuthConfig, config: SlipwayConfig, model: AppModel): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const services = Object.keys(config.services ?? {});
  const eks = model.environments.filter((env) => env.runtime === 'eks').map((env) => env.name);
  const boundTo = new Map<string, string>();
  for (const [name, client] of Object.entries(auth.machineClients ?? {})) {
    const path = joinPath('auth', 'machineClients', name);
    if (client.service !== undefined && !services.includes(client.service)) {
      issues.push(
        issue(
          joinPath(path, 'service'),
          `no service named '${client.service}' is declared to sign in as this client${didYouMean(client.service, services)}`,
          services.length > 0
            ? `name one of ${listOf(services)}, or remove service when a caller outside the app uses the client`
            : 'declare the service under services, or remove service when a caller outside the app uses the client',
        ),
      );
      continue;
    }
    const service = client.service ?? (services.includes(name) ? name : undefined);
    if (service === undefined) continue;
    const where = client.service === undefined ? path : joinPath(path, 'service');
    const other = boundTo.get(service);
    if (other !== undefined) {
      issues.push(
        issue(
          where,
          `service '${service}' would sign in as both '${other}' and '${name}', and it gets one client's credentials`,
          `give '${service}' one machine client with every scope it needs, e.g. scopes on '${other}'`,
        ),
      );
      continue;
    }
    boundTo.set(service, name);
    if (eks.length > 0) {
      issues.push(
        issue(
          where,
          `service '${service}' would sign in as this client, but services on EKS (${listOf(eks)}) do not get the AUTH_CALLER_ variables yet` +
            (client.service === undefined ? ' (a client signs in as the service of its name)' : ''),
          client.service === undefined
            ? "run these environments on ECS (runtime: 'ecs'), or rename the client so no service takes it and give the service its id and secret yourself"
            : "run these environments on ECS (runtime: 'ecs'), or remove service and give the service the client's id and secret yourself",
        ),
      );
    }
  }
  return issues;
}

/** Why Cognito or a careful reviewer would refuse a redirect, or undefined when it is fine. */
function redirectProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.hash !== '') return 'has a fragment, which OAuth redirects may not carry';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'is not https: the authorization code would travel in clear text';
}

function checkServices(config: SlipwayConfig, model: AppModel): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const auth = config.auth;
  const defined = auth === undefined ? [] : definedScopes(auth);
  const clients =
    auth === undefined
      ? []
      : [...Object.keys(auth.appClients ?? {}), ...Object.keys(auth.machineClients ?? {})];
  const eks = model.environments.filter((env) => env.runtime === 'eks').map((env) => env.name);
  for (const [name, service] of Object.entries(config.services ?? {})) {
    if (service.auth === undefined) continue;
    const path = joinPath('services', name, 'auth');
    if (auth === undefined) {
      issues.push(
        issue(
          path,
          'the service checks tokens but the app declares no user pool to check them against',
          "declare auth: { resourceServers: …, appClients: … } at the top level, or remove the service's auth",
        ),
      );
      continue;
    }
    if (eks.length > 0) {
      issues.push(
        issue(
          path,
          `services on EKS (${listOf(eks)}) do not get the AUTH_ variables yet`,
          "run these environments on ECS (runtime: 'ecs'), or remove the service's auth and set AUTH_USER_POOL_ID, AUTH_CLIENT_IDS and AUTH_WRITE_SCOPE yourself",
        ),
      );
    }
    if (service.auth.scopes.length > 1) {
      issues.push(
        issue(
          joinPath(path, 'scopes'),
          `the service checks one write scope (AUTH_WRITE_SCOPE), and ${service.auth.scopes.length} are listed`,
          `keep one scope, e.g. scopes: ['${service.auth.scopes[0]}']`,
        ),
      );
    }
    service.auth.scopes.forEach((scope, index) => {
      if (!defined.includes(scope))
        issues.push(undefinedScope(joinPath(path, 'scopes', index), scope, defined));
    });
    (service.auth.clients ?? []).forEach((client, index) => {
      if (!clients.includes(client)) {
        issues.push(
          issue(
            joinPath(path, 'clients', index),
            `no client named '${client}' is declared${didYouMean(client, clients)}`,
            clients.length > 0
              ? `use one of ${listOf(clients)}, or declare it under auth.appClients or auth.machineClients`
              : 'declare it under auth.appClients or auth.machineClients',
          ),
        );
      }
    });
    if ((service.auth.clients ?? clients).length === 0) {
      issues.push(
        issue(
          path,
          'no client could call the service: the pool has no app or machine clients, so AUTH_CLIENT_IDS would be empty',
          'declare a client under auth.appClients or auth.machineClients',
        ),
      );
    }
  }
  return issues;
}

import type { AuthModel, ServiceAuthModel } from '../../model/auth.js';
import { clientNames } from '../../model/auth.js';
import type { AuthConfig, ServiceAuthConfig } from '../schema.js';

export const AUTH_DEFAULTS = {
  mfa: 'optional',
  passwordMinLength: 12,
  selfSignUp: false,
  accessTokenValidityMinutes: 60,
} as const;

/**
 * The environment's user pool. Production keeps its users: deletion protection on and the pool
 * retained when it leaves the stack; elsewhere both are off, so dev and its copies tear down.
 */
export function resolveAuth(
  app: string,
  env: string,
  production: boolean,
  config: AuthConfig,
  /** The app's services: a machine client signs in as the one named like it, unless it names one. */
  services: readonly string[],
): AuthModel {
  const pool = config.userPool ?? {};
  return {
    userPool: {
      mfa: pool.mfa ?? AUTH_DEFAULTS.mfa,
      passwordMinLength: pool.passwordMinLength ?? AUTH_DEFAULTS.passwordMinLength,
      selfSignUp: pool.selfSignUp ?? AUTH_DEFAULTS.selfSignUp,
      domainPrefix: pool.domainPrefix ?? `${app}-${env}`,
      deletionProtection: production,
      removalPolicy: production ? 'retain' : 'destroy',
    },
    resourceServers: Object.entries(config.resourceServers ?? {}).map(([identifier, server]) => ({
      identifier,
      scopes: Object.entries(server.scopes).map(([name, description]) => ({ name, description })),
    })),
    appClients: Object.entries(config.appClients ?? {}).map(([name, client]) => ({
      name,
      callbackUrls: [...client.callbackUrls],
      logoutUrls: [...(client.logoutUrls ?? client.callbackUrls)],
      scopes: [...(client.scopes ?? [])],
    })),
    machineClients: Object.entries(config.machineClients ?? {}).map(([name, client]) => {
      const service = client.service ?? (services.includes(name) ? name : undefined);
      return { name, scopes: [...client.scopes], ...(service === undefined ? {} : { service }) };
    }),
    accessTokenValidityMinutes: config.accessTokenValidityMinutes ?? AUTH_DEFAULTS.accessTokenValidityMinutes,
  };
}

/**
 * A service's check. The service reads one write scope (AUTH_WRITE_SCOPE), so only the first is
 * kept here; validation refuses a longer list. Without `clients`, every client of the pool.
 */
export function resolveServiceAuth(config: ServiceAuthConfig, auth: AuthModel | undefined): ServiceAuthModel {
  const writeScope = config.scopes[0];
  return {
    ...(writeScope === undefined ? {} : { writeScope }),
    clients: [...(config.clients ?? (auth ? clientNames(auth) : []))],
  };
}

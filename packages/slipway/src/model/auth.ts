/**
 * An environment's sign-in: one Cognito user pool (Essentials tier), its resource servers and
 * clients, and what each service checks. Pure data, like the rest of the model.
 */

/** Multi-factor sign-in with an authenticator app (TOTP); no SMS, which needs a role and costs per message. */
export type MfaMode = 'off' | 'optional' | 'required';

/** The environment's user pool and everything that signs in to it. */
export interface AuthModel {
  readonly userPool: UserPoolModel;
  /** APIs whose scopes clients ask for; a token carries `<identifier>/<scope>`. */
  readonly resourceServers: readonly ResourceServerModel[];
  /** Browser apps: authorization code with PKCE, no secret. */
  readonly appClients: readonly AppClientModel[];
  /** Calling services: the client-credentials grant, with a secret. */
  readonly machineClients: readonly MachineClientModel[];
  /** Minutes an access token is valid; revoking a client takes effect within it. */
  readonly accessTokenValidityMinutes: number;
}

export interface UserPoolModel {
  readonly mfa: MfaMode;
  /** Fewest characters; every character class is always required. */
  readonly passwordMinLength: number;
  /** Anyone may sign up; otherwise administrators create users. */
  readonly selfSignUp: boolean;
  /** Prefix of the Cognito domain (`<prefix>.auth.<region>.amazoncognito.com`): sign-in pages and token endpoint. */
  readonly domainPrefix: string;
  /** Cognito refuses to delete the pool; production only, so dev tears down. */
  readonly deletionProtection: boolean;
  /** What happens to the users when the pool leaves its stack: kept in production, deleted elsewhere. */
  readonly removalPolicy: 'retain' | 'destroy';
}

export interface ResourceServerModel {
  /** Identifier scopes start with, e.g. `orders`. */
  readonly identifier: string;
  readonly scopes: readonly { readonly name: string; readonly description: string }[];
}

export interface AppClientModel {
  readonly name: string;
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
  /** Full resource-server scopes (`<server>/<scope>`) beside openid, email and profile. */
  readonly scopes: readonly string[];
}

export interface MachineClientModel {
  readonly name: string;
  /** Full resource-server scopes (`<server>/<scope>`). */
  readonly scopes: readonly string[];
  /**
   * The service that signs in as this client and gets its id and secret; absent when a caller
   * outside the app uses it.
   */
  readonly service?: string;
}

/** What a service's token check needs: the variables AUTH_CLIENT_IDS and AUTH_WRITE_SCOPE come from. */
export interface ServiceAuthModel {
  /** Scope a token must carry to write; absent lets every accepted token write. */
  readonly writeScope?: string;
  /** Clients (app or machine) whose tokens the service accepts, by name. */
  readonly clients: readonly string[];
}

/** The machine client `service` signs in as, if one is bound to it. */
export function callerClient(auth: AuthModel | undefined, service: string): MachineClientModel | undefined {
  return auth?.machineClients.find((client) => client.service === service);
}

/** Every client of the pool by name, app clients first. */
export function clientNames(auth: AuthModel): string[] {
  return [...auth.appClients.map((c) => c.name), ...auth.machineClients.map((c) => c.name)];
}

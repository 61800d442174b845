import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { AuthModel, MfaMode } from '../../model/auth.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';

export interface UserPoolProps {
  readonly model: AuthModel;
  /** `<app>-<env>`, the pool's name in the console. */
  readonly poolName: string;
}

const MFA: Readonly<Record<MfaMode, cognito.Mfa>> = {
  off: cognito.Mfa.OFF,
  optional: cognito.Mfa.OPTIONAL,
  required: cognito.Mfa.REQUIRED,
};

/**
 * The environment's Cognito user pool (Essentials tier): users sign in with their email address,
 * passwords need every character class, a second factor is an authenticator app (no SMS), and in
 * production the pool refuses deletion and is retained. Resource servers carry the scopes; app
 * clients are public (no secret, authorization code only, so the SPA must use PKCE); machine
 * clients hold a secret and use the client-credentials grant. No client secret is read here:
 * reading one in CDK (`userPoolClientSecret`) adds a Lambda-backed custom resource.
 *
 * Cost (Essentials): $0.015 per monthly active user above the first 10,000 an account gets free;
 * each machine client $6 a month plus $2.25 per 1,000 token requests (the price table in `cost/`).
 */
export class UserPool extends Construct {
  readonly pool: cognito.UserPool;
  /** Client name → client, app clients and machine clients alike. */
  readonly clients: ReadonlyMap<string, cognito.UserPoolClient>;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: UserPoolProps) {
    super(scope, id);
    const { model } = props;
    const settings = model.userPool;
    this.pool = new cognito.UserPool(this, 'Pool', {
      userPoolName: props.poolName,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      signInAliases: { email: true },
      autoVerify: { email: true },
      selfSignUpEnabled: settings.selfSignUp,
      mfa: MFA[settings.mfa],
      // Cognito rejects second-factor settings on a pool with MFA off.
      ...(settings.mfa === 'off' ? {} : { mfaSecondFactor: { otp: true, sms: false } }),
      passwordPolicy: {
        minLength: settings.passwordMinLength,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: settings.deletionProtection,
      removalPolicy: settings.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    pinLogicalId(this.pool, 'UserPool');
    acknowledgePool(this.pool, settings.mfa);

    this.domain = this.pool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: settings.domainPrefix },
    });

    const servers = new Map<string, cognito.UserPoolResourceServer>();
    const scopes = new Map<string, cognito.OAuthScope>();
    for (const server of model.resourceServers) {
      const serverScopes = server.scopes.map(
        (s) => new cognito.ResourceServerScope({ scopeName: s.name, scopeDescription: s.description }),
      );
      const built = this.pool.addResourceServer(`ResourceServer${logicalIdPart(server.identifier)}`, {
        identifier: server.identifier,
        scopes: serverScopes,
      });
      servers.set(server.identifier, built);
      for (const s of serverScopes) {
        scopes.set(`${server.identifier}/${s.scopeName}`, cognito.OAuthScope.resourceServer(built, s));
      }
    }
    const scopeOf = (name: string): cognito.OAuthScope => {
      const found = scopes.get(name);
      // Validation refuses undefined scopes; a hand-built model that skips it fails here, by name.
      if (found === undefined) throw new Error(`scope ${name} is not defined on any resource server`);
      return found;
    };

    const validity = Duration.minutes(model.accessTokenValidityMinutes);
    const clients = new Map<string, cognito.UserPoolClient>();
    for (const client of model.appClients) {
      clients.set(
        client.name,
        this.pool.addClient(`Client${logicalIdPart(client.name)}`, {
          userPoolClientName: client.name,
          generateSecret: false,
          authFlows: { userSrp: true },
          oAuth: {
            flows: { authorizationCodeGrant: true },
            scopes: [
              cognito.OAuthScope.OPENID,
              cognito.OAuthScope.EMAIL,
              cognito.OAuthScope.PROFILE,
              ...client.scopes.map(scopeOf),
            ],
            callbackUrls: [...client.callbackUrls],
            logoutUrls: [...client.logoutUrls],
          },
          supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
          preventUserExistenceErrors: true,
          enableTokenRevocation: true,
          accessTokenValidity: validity,
          idTokenValidity: validity,
        }),
      );
    }
    for (const client of model.machineClients) {
      clients.set(
        client.name,
        this.pool.addClient(`Client${logicalIdPart(client.name)}`, {
          userPoolClientName: client.name,
          generateSecret: true,
          // The client-credentials grant only; no user ever signs in through this client.
          authFlows: {},
          oAuth: { flows: { clientCredentials: true }, scopes: client.scopes.map(scopeOf) },
          supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
          enableTokenRevocation: true,
          accessTokenValidity: validity,
        }),
      );
    }
    this.clients = clients;
  }
}

/** The cdk-nag findings the pool's chosen settings raise, with why each is the choice. */
function acknowledgePool(pool: cognito.UserPool, mfa: MfaMode): void {
  acknowledge(
    pool,
    'AwsSolutions-COG8',
    'The pool is on the Essentials tier: the Plus tier adds threat protection (compromised-credential ' +
      'and adaptive-authentication checks) at a higher price per monthly active user and no free tier. ' +
      'A team that needs those checks raises the tier in the console or asks for it in the config.',
  );
  if (mfa !== 'required') {
    acknowledge(
      pool,
      'AwsSolutions-COG2',
      (mfa === 'optional'
        ? "MFA is optional by the config's choice: users may add an authenticator app. "
        : "MFA is off by the config's choice, which only a non-production environment may make. ") +
        "Set auth.userPool.mfa to 'required' where every user must have a second factor.",
    );
  }
}

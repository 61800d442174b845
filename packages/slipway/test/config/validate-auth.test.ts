import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

/** The valid fixture with a pool: an SPA, a machine client, and a web service that checks writes. */
function withAuth(): SlipwayConfig {
  const config = validConfig();
  config.auth = {
    resourceServers: { orders: { scopes: { read: 'Read orders', write: 'Change orders' } } },
    appClients: { spa: { callbackUrls: ['https://shop.example.com/cb', 'http://localhost:5173/cb'] } },
    machineClients: { payments: { scopes: ['orders/write'] } },
  };
  config.services!.web!.auth = { scopes: ['orders/write'] };
  return config;
}

describe('auth', () => {
  it('resolves the pool: optional MFA, 12 characters, a domain per environment, production protected', () => {
    const model = resolveConfig(withAuth());
    const authOf = (env: string) => model.environments.find((e) => e.name === env)?.auth;
    expect(authOf('dev')?.userPool).toEqual({
      mfa: 'optional',
      passwordMinLength: 12,
      selfSignUp: false,
      domainPrefix: 'shop-dev',
      deletionProtection: false,
      removalPolicy: 'destroy',
    });
    expect(authOf('prod')?.userPool).toMatchObject({
      domainPrefix: 'shop-prod',
      deletionProtection: true,
      removalPolicy: 'retain',
    });
    expect(authOf('dev')?.appClients[0]?.logoutUrls).toEqual(authOf('dev')?.appClients[0]?.callbackUrls);
    expect(model.environments[0]?.services[0]?.auth).toEqual({
      writeScope: 'orders/write',
      clients: ['spa', 'payments'],
    });
  });

  it('rejects a service scope not defined on the resource server, suggesting the defined one', () => {
    const config = withAuth();
    config.services!.web!.auth = { scopes: ['orders/writes'] };
    expectIssue(config, 'services.web.auth.scopes[0]', {
      message: [
        "scope 'orders/writes' is not defined on resource server 'orders'",
        "did you mean 'orders/write'",
      ],
      fix: ["use one of 'orders/read' or 'orders/write'"],
    });
  });

  it('rejects more than one write scope: the service reads one', () => {
    const config = withAuth();
    config.services!.web!.auth = { scopes: ['orders/write', 'orders/read'] };
    expectIssue(config, 'services.web.auth.scopes', {
      message: ['one write scope (AUTH_WRITE_SCOPE)'],
      fix: ["scopes: ['orders/write']"],
    });
  });

  it('rejects a machine client asking for an unknown scope, and one without scopes', () => {
    const config = withAuth();
    config.auth!.machineClients = { payments: { scopes: ['payments/charge'] }, inventory: { scopes: [] } };
    expectIssue(config, 'auth.machineClients.payments.scopes[0]', {
      message: ["'payments/charge' is not defined on resource server 'payments'"],
      fix: ['define it under auth.resourceServers'],
    });
    expectIssue(config, 'auth.machineClients.inventory.scopes', {
      message: ['client-credentials grant needs one'],
      fix: ["add one of 'orders/read' or 'orders/write'"],
    });
  });

  it('rejects callback URLs that are not https, except on localhost', () => {
    const config = withAuth();
    config.auth!.appClients!.spa!.callbackUrls = ['http://shop.example.com/cb', 'http://127.0.0.1:3000/cb'];
    config.auth!.appClients!.spa!.logoutUrls = ['not a url'];
    expectIssue(config, 'auth.appClients.spa.callbackUrls[0]', {
      message: ["'http://shop.example.com/cb' is not https"],
      fix: ['use an https:// address, or http://localhost'],
    });
    expectIssue(config, 'auth.appClients.spa.logoutUrls[0]', {
      message: ['is not a URL'],
      fix: ['https://'],
    });
    expect(issuesOf(config).some((i) => i.path === 'auth.appClients.spa.callbackUrls[1]')).toBe(false);
  });

  it("rejects MFA 'off' when an environment is production", () => {
    const config = withAuth();
    config.auth!.userPool = { mfa: 'off' };
    expectIssue(config, 'auth.userPool.mfa', {
      message: ["MFA is 'off' but production environment 'prod'"],
      fix: ["'optional'", "'required'"],
    });
  });

  it('rejects a service with auth when the app declares no pool, and an unknown client', () => {
    const config = validConfig();
    config.services!.web!.auth = { scopes: [] };
    expectIssue(config, 'services.web.auth', {
      message: ['declares no user pool'],
      fix: ['declare auth:'],
    });
    const unknown = withAuth();
    unknown.services!.web!.auth = { scopes: [], clients: ['spa', 'payment'] };
    expectIssue(unknown, 'services.web.auth.clients[1]', {
      message: ["no client named 'payment'", "did you mean 'payments'"],
      fix: ["'spa' or 'payments'"],
    });
  });

  it('rejects auth on a service that runs on EKS, for now', () => {
    const config = withAuth();
    config.environments.dev!.runtime = 'eks';
    expectIssue(config, 'services.web.auth', {
      message: ["services on EKS ('dev') do not get the AUTH_ variables yet"],
      fix: ["runtime: 'ecs'"],
    });
  });

  it('rejects a password length under 12, a token validity Cognito refuses, and a reserved domain word', () => {
    const config = withAuth();
    config.app = 'awsshop';
    config.github = { repository: 'acme/awsshop' };
    config.auth!.userPool = { passwordMinLength: 8 };
    config.auth!.accessTokenValidityMinutes = 2;
    expectIssue(config, 'auth.userPool.passwordMinLength', {
      message: ['outside 12–99'],
      fix: ['from 12 to 99'],
    });
    expectIssue(config, 'auth.accessTokenValidityMinutes', {
      message: ['5–1440'],
      fix: ['remove it for 60'],
    });
    expectIssue(config, 'auth.userPool', {
      message: ["'awsshop-dev'", "contains 'aws'"],
      fix: ['domainPrefix'],
    });
  });

  it('rejects one domain prefix for two environments in one region, and allows it across regions', () => {
    const config = withAuth();
    config.auth!.userPool = { domainPrefix: 'shop-login' };
    expect(() => resolveConfig(config)).not.toThrow();
    config.environments.prod!.region = 'us-east-1';
    config.environments.prod!.availabilityZones = ['us-east-1a', 'us-east-1b'];
    expectIssue(config, 'auth.userPool.domainPrefix', {
      message: ["'shop-login'", 'two are in us-east-1'],
      fix: ["'<app>-<env>'"],
    });
  });

  describe('the service a machine client signs in as', () => {
    const callerOf = (config: SlipwayConfig, env = 'dev') =>
      resolveConfig(config).environments.find((e) => e.name === env)?.auth?.machineClients[0];

    it('is the service of the same name by default, none when there is no such service, or the one named', () => {
      const config = withAuth();
      expect(callerOf(config)).toEqual({ name: 'payments', scopes: ['orders/write'] });
      config.services!.payments = { port: 8081, public: false };
      expect(callerOf(config)).toEqual({ name: 'payments', scopes: ['orders/write'], service: 'payments' });
      config.auth!.machineClients!.payments!.service = 'web';
      expect(callerOf(config, 'prod')).toEqual({
        name: 'payments',
        scopes: ['orders/write'],
        service: 'web',
      });
    });

    it('rejects a service that is not declared, suggesting the one meant', () => {
      const config = withAuth();
      config.auth!.machineClients!.payments!.service = 'wbe';
      expectIssue(config, 'auth.machineClients.payments.service', {
        message: ["no service named 'wbe'", "did you mean 'web'"],
        fix: ["name one of 'web'", 'or remove service when a caller outside the app uses the client'],
      });
    });

    it('rejects two clients bound to one service, explicitly or by name', () => {
      const config = withAuth();
      config.auth!.machineClients!.payments!.service = 'web';
      config.auth!.machineClients!.web = { scopes: ['orders/read'] };
      expectIssue(config, 'auth.machineClients.web', {
        message: ["service 'web' would sign in as both 'payments' and 'web'"],
        fix: ["give 'web' one machine client with every scope it needs"],
      });
    });

    it('rejects a bound client while an environment runs on EKS, for now', () => {
      const config = withAuth();
      config.services!.web!.auth = undefined;
      config.auth!.machineClients!.payments!.service = 'web';
      config.environments.dev!.runtime = 'eks';
      expectIssue(config, 'auth.machineClients.payments.service', {
        message: ["services on EKS ('dev') do not get the AUTH_CALLER_ variables yet"],
        fix: ["runtime: 'ecs'", 'or remove service'],
      });
    });

    it('accepts a client bound to no service: a caller outside the app uses it', () => {
      const config = withAuth();
      config.environments.dev!.runtime = 'eks';
      config.services!.web!.auth = undefined;
      expect(() => resolveConfig(config)).not.toThrow();
    });
  });
});

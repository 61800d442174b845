import type { SlipwayConfig } from '../../src/config/schema.js';

/** Orders behind a pool: an SPA, a machine client for payments, one resource server. */
export function authConfig(): SlipwayConfig {
  const env = (account: string, production?: boolean) => ({
    account,
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    ...(production === undefined ? {} : { production }),
  });
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    auth: {
      resourceServers: {
        orders: { scopes: { read: 'Read orders', write: 'Create and change orders' } },
      },
      appClients: {
        web: {
          callbackUrls: ['https://shop.example.com/callback', 'http://localhost:5173/callback'],
          scopes: ['orders/read'],
        },
      },
      machineClients: { payments: { scopes: ['orders/write'] } },
    },
    services: {
      orders: { port: 8080, auth: { scopes: ['orders/write'] } },
      catalog: { port: 8081, public: false },
    },
    environments: {
      dev: env('111111111111'),
      prod: {
        ...env('222222222222', true),
        // Production's alarms reach someone (Slipway-OBS1).
        observability: { alerts: { email: ['oncall@shop.example.com'] } },
        domain: {
          name: 'shop.example.com',
          certificateArn:
            'arn:aws:acm:eu-west-1:222222222222:certificate/0b6f3c2e-1111-2222-3333-444455556666',
        },
      },
    },
  };
}

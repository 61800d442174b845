import type { SlipwayConfig } from '../../src/config/schema.js';

export const DOMAIN = 'shop.example.com';

/**
 * A shop on the HTTP API: two public services (one with two paths), one internal, a database;
 * with `domain`, its custom domain in place of the generated endpoint.
 */
export function httpApiShop(domain: boolean): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    delivery: { previewBranches: [] },
    databases: { main: { databaseName: 'shop', appUsername: 'shop_app' } },
    services: {
      web: { port: 8080, healthPath: '/healthz', database: 'main', paths: ['/*'] },
      orders: { port: 8081, healthPath: '/healthz', database: 'main', paths: ['/orders/*', '/basket'] },
      worker: { port: 8082, public: false },
    },
    environments: {
      dev: {
        account: '111111111111',
        region: 'eu-west-1',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        network: { natGateways: 0 },
        ingress: 'http-api',
        ...(domain
          ? {
              domain: {
                name: DOMAIN,
                certificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/0f1e2d3c',
              },
            }
          : {}),
      },
    },
  };
}

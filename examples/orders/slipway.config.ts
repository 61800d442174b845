// Orders (seed 003): order, inventory and payment services on Fargate, each with its own GitLab
// pipeline; orders and stock in DynamoDB, whose order stream calls a notification function (the
// seed chose DynamoDB Streams over Kafka: nothing to pay while idle); customers sign in through a
// Cognito user pool, and the orders service calls the other two with a machine client's token.
import { defineConfig } from 'slipway';

// Each image builds from the repository root (one lockfile) with its own Dockerfile, so a change in
// one service's folder rebuilds that service alone; the shared code and the package rebuild all three.
const SHARED = ['examples/orders/services/shared', 'examples/orders/package.json'];

export default defineConfig({
  app: 'orders',
  gitlab: { project: 'acme/orders' },
  delivery: { ci: 'gitlab' },

  tables: {
    // Each order once, by id; the stream carries new orders to `notify`.
    orders: { partitionKey: { name: 'orderId' }, stream: 'new-image' },
    stock: { partitionKey: { name: 'sku' } },
  },

  auth: {
    resourceServers: {
      orders: { scopes: { write: 'Place and change orders' } },
      inventory: { scopes: { write: 'Reserve and release stock' } },
      payments: { scopes: { write: 'Take and refund payments' } },
    },
    // The shop's single-page app: customers sign in and place orders.
    appClients: {
      shop: {
        callbackUrls: ['https://shop.example.com/callback', 'http://localhost:5173/callback'],
        scopes: ['orders/write'],
      },
    },
    // The orders service reserves stock and takes payment with its own token.
    machineClients: { orders: { scopes: ['inventory/write', 'payments/write'] } },
  },

  services: {
    orders: {
      port: 8080,
      paths: ['/orders', '/orders/*'],
      tables: { orders: 'read-write' },
      auth: { scopes: ['orders/write'], clients: ['shop'] },
      source: { context: '.', dockerfile: 'examples/orders/services/orders/Dockerfile', watch: SHARED },
      // The other two on private DNS; `slipway dev` points these at their local ports.
      environment: {
        INVENTORY_URL: 'http://inventory.orders.internal:8080',
        PAYMENTS_URL: 'http://payments.orders.internal:8080',
      },
      dev: { command: 'node --import tsx services/orders/server.ts' },
    },
    inventory: {
      port: 8080,
      paths: ['/inventory', '/inventory/*'],
      tables: { stock: 'read-write' },
      auth: { scopes: ['inventory/write'], clients: ['orders'] },
      source: { context: '.', dockerfile: 'examples/orders/services/inventory/Dockerfile', watch: SHARED },
      dev: { command: 'node --import tsx services/inventory/server.ts' },
    },
    // Internal: only the orders service calls it, on its private DNS name.
    payments: {
      port: 8080,
      public: false,
      auth: { scopes: ['payments/write'], clients: ['orders'] },
      source: { context: '.', dockerfile: 'examples/orders/services/payments/Dockerfile', watch: SHARED },
      dev: { command: 'node --import tsx services/payments/server.ts' },
    },
  },

  functions: {
    // Tells the customer about a new order; updates and deletes are filtered out unbilled.
    notify: {
      entry: 'functions/notify.ts',
      tables: { orders: 'read' },
      events: { table: 'orders', filters: [{ eventName: ['INSERT'] }] },
    },
  },

  environments: {
    dev: {
      account: '111111111111',
      region: 'eu-west-1',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      network: { natGateways: 0 },
      // The shop reaches the services through CloudFront; the load balancer has no public address.
      edge: { cloudfront: true },
    },
    prod: {
      production: true,
      account: '222222222222',
      region: 'eu-west-1',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      // Production's alarms reach a person: each address confirms its subscription once.
      observability: { alerts: { email: ['oncall@orders.example.com'] } },
      // AWS's common, known-bad-inputs and IP-reputation rules, and 2,000 requests per IP in 5 minutes.
      edge: { cloudfront: true, waf: true },
    },
  },
});

// Go app on EKS (seed 001): a Go HTTP service on an EKS cluster in a /16 VPC with three public and
// three private /20 subnets, PostgreSQL reachable only from the private subnets, secrets synced by
// External Secrets from Secrets Manager, the Datadog agent on every node, developers limited to
// the app's namespace, Datadog monitors that page production's on-call, and Argo CD syncing the
// GitOps folder the workflows commit image tags to.
import { defineConfig } from 'slipway';

export default defineConfig({
  app: 'goapp',
  github: { repository: 'acme/goapp' },
  runtime: 'eks',

  eks: {
    // Admins and CI reach the API endpoint from the office network only.
    publicEndpointCidrs: ['203.0.113.0/24'],
    admins: ['arn:aws:iam::111111111111:role/platform-admin'],
    developers: ['arn:aws:iam::111111111111:role/goapp-developer'],
  },

  observability: {
    // Datadog watches the cluster: the agent on every node, its API key synced from Secrets
    // Manager; with the application key, each service's monitors (pods unavailable, crash loops,
    // error logs), kept by the Datadog Operator.
    provider: 'datadog',
    datadog: {
      apiKeySecret: 'datadog-api-key',
      appKeySecret: 'datadog-app-key',
      notify: ['@slack-goapp-alerts'],
    },
  },

  databases: {
    main: { databaseName: 'goapp', appUsername: 'goapp_app' },
  },

  secrets: {
    // Filled by the team after the first deploy; External Secrets syncs it into the pods.
    'api-key': { secretsManager: 'goapp/api-key' },
    'datadog-api-key': { secretsManager: 'goapp/datadog-api-key' },
    'datadog-app-key': { secretsManager: 'goapp/datadog-app-key' },
  },

  services: {
    web: {
      port: 8080,
      healthPath: '/healthz',
      database: 'main',
      secrets: { API_KEY: 'api-key' },
      // A static Go binary runs as nobody in a distroless image.
      user: '65532',
      source: { context: 'examples/goapp/web' },
      dev: { command: 'go run .', cwd: 'web' },
    },
  },

  environments: {
    dev: {
      account: '111111111111',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      network: { cidr: '10.20.0.0/16', subnetMask: 20 },
    },
    prod: {
      production: true,
      account: '222222222222',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      network: { cidr: '10.30.0.0/16', subnetMask: 20 },
      observability: {
        // Production's CloudWatch alarms (database, load balancer) reach a person by email, and
        // its Datadog monitors also page the on-call engineer.
        alerts: { email: ['oncall@goapp.example.com'] },
        datadog: { notify: ['@pagerduty-goapp', '@slack-goapp-alerts'] },
      },
      eks: {
        admins: ['arn:aws:iam::222222222222:role/platform-admin'],
        developers: ['arn:aws:iam::222222222222:role/goapp-developer'],
      },
    },
  },
});

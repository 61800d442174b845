// Parrot on EKS (seed 000): a Django app on an EKS cluster whose workload nodes Karpenter starts,
// behind the AWS Load Balancer Controller's ALB, with the Datadog agent on every node and JSON
// logs, PostgreSQL through the pod's own role (IAM authentication, no password), the Django
// secret from SSM, a Valkey cache, and in production a read replica. Deploys run on releases.
import { defineConfig } from 'slipway';

export default defineConfig({
  app: 'parrot',
  github: { repository: 'acme/parrot' },
  runtime: 'eks',

  eks: {
    nodes: 'karpenter',
    publicEndpointCidrs: ['198.51.100.0/24'],
    admins: ['arn:aws:iam::111111111111:role/platform-admin'],
    // The agent reads its API key from SSM through External Secrets.
    datadog: { apiKeySecret: 'datadogApiKey' },
  },

  databases: {
    main: { databaseName: 'parrot', appUsername: 'parrot_app' },
  },
  caches: {
    // Django's cache: response fragments and sessions.
    cache: {},
  },
  secrets: {
    // SecureString parameters the team creates once per account (CloudFormation cannot).
    djangoSecretKey: { ssm: '/parrot/django-secret-key' },
    datadogApiKey: { ssm: '/parrot/datadog-api-key' },
  },

  services: {
    web: {
      port: 8000,
      healthPath: '/healthz',
      database: 'main',
      cache: 'cache',
      secrets: { DJANGO_SECRET_KEY: 'djangoSecretKey' },
      environment: { LOG_LEVEL: 'info' },
      source: { context: 'examples/parrot/app' },
    },
  },

  environments: {
    dev: {
      account: '111111111111',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
    },
    prod: {
      production: true,
      account: '222222222222',
      region: 'us-west-2',
      availabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
      // Production's alarms reach a person: each address confirms its subscription once.
      observability: { alerts: { email: ['oncall@parrot.example.com'] } },
      eks: { admins: ['arn:aws:iam::222222222222:role/platform-admin'] },
      // Reads scale out on a replica; the writer stays Multi-AZ (the production default).
      databases: { main: { instanceClass: 'db.t4g.small', readReplicas: 1 } },
      services: { web: { cpu: 512, memory: 1024 } },
    },
  },
});

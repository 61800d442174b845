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
  },

  // The Datadog agent on every node reads its API key from SSM through External Secrets and
  // collects the JSON logs and traces of every pod; with the application key, the Datadog Operator
  // keeps each service's monitors (pods unavailable, crash loops, error logs).
  observability: {
    provider: 'datadog',
    datadog: {
      apiKeySecret: 'datadogApiKey',
      appKeySecret: 'datadogAppKey',
      notify: ['@slack-parrot-alerts'],
    },
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
    datadogAppKey: { ssm: '/parrot/datadog-app-key' },
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
      observability: {
        // Production's CloudWatch alarms (database, cache) reach a person by email, and its
        // Datadog monitors also page the on-call engineer.
        alerts: { email: ['oncall@parrot.example.com'] },
        datadog: { notify: ['@pagerduty-parrot', '@slack-parrot-alerts'] },
      },
      eks: { admins: ['arn:aws:iam::222222222222:role/platform-admin'] },
      // Reads scale out on a replica; the writer stays Multi-AZ (the production default).
      databases: { main: { instanceClass: 'db.t4g.small', readReplicas: 1 } },
      services: { web: { cpu: 512, memory: 1024 } },
    },
  },
});

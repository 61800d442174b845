// Medications: one API on the cost floor in dev, and a production database with every safety
// measure the team asked for (private, encrypted, deletion protection, least-privilege app user,
// RDS-managed master password, backups, access from the app only, Multi-AZ), watched in
// production by the team's Elastic deployment (traces, metrics and logs through an OpenTelemetry
// collector) with an uptime check on the API every five minutes.
import { defineConfig } from 'slipway';

export default defineConfig({
  app: 'medications',
  github: { repository: 'acme/medications' },

  databases: {
    main: { databaseName: 'medications', appUsername: 'medications_app' },
  },

  secrets: {
    // The Elastic deployment's API key: Slipway makes the secret, the team fills it once.
    'elastic-api-key': { secretsManager: 'medications/elastic-api-key' },
  },

  services: {
    // The sample TypeScript service (apps/api).
    api: {
      port: 8080,
      healthPath: '/healthz',
      // The image's own check (apps/api/src/healthcheck.ts), run by ECS: behind dev's HTTP API no
      // target group calls /healthz, so this is how ECS learns a task stopped answering.
      healthCheckCommand: ['node', 'dist/healthcheck.js'],
      database: 'main',
      // One proxy is in front (the HTTP API in dev, the load balancer in production): the rate
      // limiter keys on the client it saw.
      environment: { LOG_LEVEL: 'info', TRUST_PROXY_HOPS: '1' },
      // The image builds from the repository root (one lockfile for the workspaces); a change to
      // apps/api or the lockfile rebuilds it.
      source: { context: '.', dockerfile: 'apps/api/Dockerfile', watch: ['package-lock.json'] },
      // `slipway dev` runs it from source against an embedded PostgreSQL. No load balancer waits
      // for it to drain locally, so it stops at once.
      dev: { command: 'npm run dev -w @slipway/api', cwd: '../..', env: { SHUTDOWN_DELAY_MS: '0' } },
    },
  },

  environments: {
    // The floor: 0.25 vCPU / 0.5 GB Spot arm64 task in public subnets, no NAT gateway,
    // db.t4g.micro single-AZ, and an HTTP API in front instead of a load balancer, as nothing
    // here needs one (all defaults outside production). Container Insights' metrics and the
    // dashboard are left to production: the task's logs and the alarms are enough in dev.
    dev: {
      account: '111111111111',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      network: { natGateways: 0 },
      observability: { containerInsights: 'off', dashboard: false },
    },
    prod: {
      production: true,
      account: '222222222222',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      observability: {
        // Traces, metrics and logs go to Elastic (APM and Kibana, as the team ran ELK before);
        // CloudWatch alarms stay, and reach a person: each address confirms its subscription once.
        provider: 'elastic',
        elastic: {
          endpoint: 'https://medications.apm.us-east-1.aws.elastic-cloud.com',
          apiKeySecret: 'elastic-api-key',
        },
        alerts: { email: ['oncall@medications.example.com'] },
        // Heartbeat's job: a canary calls /healthz from outside every five minutes.
        uptime: true,
      },
      databases: {
        // Spelled out although they are the production defaults, so a reviewer sees them.
        main: {
          multiAz: true,
          deletionProtection: true,
          keepAutomatedBackups: true,
          backupRetentionDays: 14,
          removalPolicy: 'snapshot',
        },
      },
      services: { api: { cpu: 512, memory: 1024 } },
    },
  },
  acknowledgements: [
    {
      rule: 'Slipway-ELB5',
      stack: 'medications-prod-runtime',
      reason:
        'The example owns no domain, so prod answers on the load balancer name over HTTP; a team taking it live sets environments.prod.domain with its ACM certificate, which serves HTTPS and redirects HTTP.',
    },
  ],
});

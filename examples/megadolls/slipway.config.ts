// Megadolls: a Django shop and pgAdmin on ECS Fargate, cheap in dev, safe in prod.
import { defineConfig } from 'slipway';

export default defineConfig({
  app: 'megadolls',
  github: { repository: 'acme/megadolls' },

  databases: {
    // One PostgreSQL instance for both services; prod gets Multi-AZ, deletion protection,
    // kept backups and Performance Insights by default.
    main: { instanceClass: 'db.t4g.small' },
  },

  secrets: {
    // Existing SecureString parameter (the seed's business key).
    stripeKey: { ssm: '/megadolls/infra/strip_key' },
    // Created empty by Slipway; set the value once in the console or CLI.
    pgadminPassword: { secretsManager: 'megadolls/pgadmin' },
  },

  services: {
    web: {
      port: 8000,
      cpu: 1024, // 1 vCPU
      memory: 2048, // 2 GB
      database: 'main',
      environment: { DJANGO_SETTINGS_MODULE: 'megadolls.settings' },
      secrets: { STRIPE_KEY: 'stripeKey' },
      scaling: { cpuPercent: 60 },
    },
    pgadmin: {
      port: 80,
      // An admin UI for a handful of people: half a vCPU is plenty.
      cpu: 512,
      memory: 1024,
      // pgAdmin keeps logins in memory, so each browser must stay on one task.
      stickySessions: true,
      paths: ['/pgadmin/*'],
      healthPath: '/pgadmin/misc/ping',
      // Only the office may reach the admin UI.
      allowedCidrs: ['203.0.113.0/24'],
      database: 'main',
      environment: {
        SCRIPT_NAME: '/pgadmin',
        PGADMIN_DEFAULT_EMAIL: 'admin@megadolls.example',
        // The root filesystem is read-only: temporary files go to the writable data folder, and
        // the image's mail relay for password resets, which writes under /var, stays off.
        TMPDIR: '/var/lib/pgadmin',
        PGADMIN_DISABLE_POSTFIX: 'true',
      },
      secrets: { PGADMIN_DEFAULT_PASSWORD: 'pgadminPassword' },
      // The official pgAdmin image runs as its own pgadmin user (uid 5050) and declares its data
      // folder a volume owned by that user, so the task volume there is writable; it declares no
      // /tmp volume, which on Fargate would be root's alone.
      user: '5050',
      writablePaths: ['/var/lib/pgadmin'],
      // pgAdmin is an admin tool: a fixed pair of tasks is enough.
      maxCount: 2,
    },
  },

  // Every alarm of every environment is emailed to the on-call address (each address confirms its
  // subscription once, from the first email SNS sends it).
  observability: { alerts: { email: ['oncall@megadolls.example.com'] } },

  environments: {
    // Fargate Spot (the default outside production), image tag `dev-latest`, rolling deploys.
    dev: {
      account: '111111111111',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      network: { natGateways: 1 },
      services: { pgadmin: { maxCount: 1 } },
    },
    // On-demand, image tag `latest`, canary 10 % with a 10-minute bake, Multi-AZ database, and
    // the environment's own KMS keys for the database, its secrets, logs and alarms ($2 a month).
    prod: {
      production: true,
      account: '222222222222',
      region: 'af-south-1',
      availabilityZones: ['af-south-1a', 'af-south-1b', 'af-south-1c'],
      network: { natGateways: 1 },
      encryption: 'customer-managed',
      services: { web: { maxCount: 6 } },
    },
  },
  acknowledgements: [
    {
      rule: 'Slipway-ELB5',
      stack: 'megadolls-prod-runtime',
      reason:
        'The example owns no domain, so prod answers on the load balancer name over HTTP; a team taking it live sets environments.prod.domain with its ACM certificate, which serves HTTPS and redirects HTTP.',
    },
  ],
});

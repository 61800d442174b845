import type { SlipwayConfig } from '../config/schema.js';
import type { DetectedService } from './detect-services.js';

/** Placeholders the user must replace: valid, so the scaffold plans, and obviously not real. */
export const PLACEHOLDER_ACCOUNTS = { dev: '111111111111', prod: '222222222222' } as const;
export const PLACEHOLDER_REPOSITORY = 'your-org/your-repo';
/** Production's alarms must reach someone (Slipway-OBS1): a routed placeholder the user replaces. */
export const PLACEHOLDER_ALERT_EMAIL = 'oncall@example.com';
const DEFAULT_PORT = 8080;
const REGION = 'us-east-1';

export interface ScaffoldInput {
  readonly app: string;
  /** From `git remote`; a placeholder when absent. */
  readonly repository?: string;
  readonly services: readonly DetectedService[];
}

/** The config `slipway init` writes, as data (resolved to generate the workflows). */
export function scaffoldConfig(input: ScaffoldInput): SlipwayConfig {
  return {
    app: input.app,
    github: { repository: input.repository ?? PLACEHOLDER_REPOSITORY },
    services: Object.fromEntries(
      input.services.map((s, index) => [
        s.name,
        {
          port: s.port ?? DEFAULT_PORT,
          healthPath: '/healthz',
          // One load balancer serves every public service: the first takes '/*', the others a prefix.
          ...(index === 0 ? {} : { paths: [`/${s.name}/*`] }),
          source: { context: s.context },
        },
      ]),
    ),
    environments: {
      dev: {
        account: PLACEHOLDER_ACCOUNTS.dev,
        region: REGION,
        availabilityZones: [`${REGION}a`, `${REGION}b`],
      },
      prod: {
        account: PLACEHOLDER_ACCOUNTS.prod,
        region: REGION,
        availabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
        observability: { alerts: { email: [PLACEHOLDER_ALERT_EMAIL] } },
      },
    },
  };
}

/** The same config as a `slipway.config.ts` a person reads: where each value came from, and the TODOs. */
export function renderConfig(input: ScaffoldInput): string {
  const config = scaffoldConfig(input);
  const q = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const lines = [
    '// Scaffolded by `slipway init`: fill in the TODOs, then run `slipway plan`.',
    '// Every field and its default: docs/config.md in the Slipway repository.',
    "import { defineConfig } from 'slipway';",
    '',
    'export default defineConfig({',
    `  app: ${q(config.app)},`,
    input.repository === undefined
      ? "  // TODO: the GitHub repository (owner/name) whose workflows may deploy; no 'origin' remote was found."
      : '  // From `git remote`: the only repository whose workflows may deploy.',
    `  github: { repository: ${q(config.github?.repository ?? '')} },`,
    '',
    '  services: {',
  ];
  for (const [index, service] of input.services.entries()) {
    lines.push(`    ${key(service.name)}: {`);
    lines.push(
      service.port === undefined
        ? `      port: ${DEFAULT_PORT}, // TODO: ${dockerfile(service)} has no EXPOSE: the port the server listens on.`
        : `      port: ${service.port}, // EXPOSE in ${dockerfile(service)}`,
    );
    lines.push("      healthPath: '/healthz', // TODO: a path that answers 200 when the service is ready.");
    if (index > 0) {
      lines.push(
        `      paths: ['/${service.name}/*'], // TODO: the paths the load balancer sends here ('/*' goes to ${input.services[0]?.name}).`,
      );
    }
    lines.push(`      source: { context: ${q(service.context)} },`);
    lines.push('    },');
  }
  if (input.services.length === 0)
    lines.push('    // TODO: no Dockerfile was found; add a service: name: { port: 8080 }.');
  lines.push(
    '  },',
    '',
    '  environments: {',
    '    // TODO: your development account id and region (zones are listed so planning needs no AWS access).',
    '    dev: {',
    `      account: ${q(PLACEHOLDER_ACCOUNTS.dev)},`,
    `      region: ${q(REGION)},`,
    `      availabilityZones: [${['a', 'b'].map((z) => q(`${REGION}${z}`)).join(', ')}],`,
    '    },',
    '    // TODO: your production account id and region. Production gets the safe defaults: Multi-AZ',
    '    // database, deletion protection, two tasks per service, canary deploys, an approval in GitHub.',
    '    prod: {',
    `      account: ${q(PLACEHOLDER_ACCOUNTS.prod)},`,
    `      region: ${q(REGION)},`,
    `      availabilityZones: [${['a', 'b', 'c'].map((z) => q(`${REGION}${z}`)).join(', ')}],`,
    "      // TODO: who hears of production's alarms; each address confirms its subscription once. Or a",
    '      // Slack channel (slack: { workspaceId, channelId }) or PagerDuty (pagerduty: { integrationUrlSecret }).',
    `      observability: { alerts: { email: [${q(PLACEHOLDER_ALERT_EMAIL)}] } },`,
    '      // TODO: production serves HTTPS; until this names your host and its ACM certificate, the plan',
    "      // stops on Slipway-ELB5. domain: { name: 'app.example.com', certificateArn: 'arn:aws:acm:…' },",
    '    },',
    '  },',
    '});',
    '',
  );
  return lines.join('\n');
}

function dockerfile(service: DetectedService): string {
  return service.context === '.' ? 'Dockerfile' : `${service.context}/Dockerfile`;
}

/** Object keys: bare when they are identifiers, quoted otherwise (`pg-admin`). */
function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name}'`;
}

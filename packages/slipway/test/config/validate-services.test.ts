import { describe, expect, it } from 'vitest';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

describe('service references', () => {
  it('rejects a database that is not declared, guessing the intended one', () => {
    const config = validConfig();
    config.services!.web!.database = 'mian';
    expectIssue(config, 'services.web.database', {
      message: ["no database named 'mian' is declared", "did you mean 'main'"],
      fix: ["use one of 'main'", 'declare'],
    });
  });

  it('rejects a secret that is not declared', () => {
    const config = validConfig();
    config.environments.prod!.services = { web: { secrets: { API_TOKEN: 'apiToken' } } };
    expectIssue(config, 'environments.prod.services.web.secrets.API_TOKEN', {
      message: ["no secret named 'apiToken' is declared"],
      fix: ["'stripeKey'", 'under secrets'],
    });
  });

  it('rejects overrides for services, databases and secrets that are not declared', () => {
    const config = validConfig();
    config.environments.dev!.services = { wbe: { cpu: 512, memory: 1024 } };
    config.environments.dev!.databases = { replica: {} };
    config.environments.dev!.secrets = { stripe: { ssm: '/x' } };
    expectIssue(config, 'environments.dev.services.wbe', {
      message: ["no service named 'wbe'", "did you mean 'web'"],
      fix: ["'web'"],
    });
    expectIssue(config, 'environments.dev.databases.replica', {
      message: ["no database named 'replica'"],
      fix: ["'main'"],
    });
    expectIssue(config, 'environments.dev.secrets.stripe', {
      message: ["no secret named 'stripe'"],
      fix: ["'stripeKey'"],
    });
  });

  it('rejects a secret with no source or two sources', () => {
    const config = validConfig();
    config.secrets = { stripeKey: {}, other: { ssm: '/shop/a', secretsManager: 'shop/a' } };
    expectIssue(config, 'secrets.stripeKey', {
      message: ['names no source'],
      fix: ['ssm:', 'secretsManager:'],
    });
    expectIssue(config, 'secrets.other', {
      message: ['both an SSM parameter and a Secrets Manager secret'],
      fix: ['exactly one'],
    });
  });

  it('rejects SSM names SSM would refuse', () => {
    const config = validConfig();
    config.secrets = { stripeKey: { ssm: '/aws/shop/key' } };
    expectIssue(config, 'secrets.stripeKey.ssm', {
      message: ["starts with 'aws' or 'ssm'"],
      fix: ["app's prefix"],
    });
  });
});

describe('service sizes and counts', () => {
  it('rejects a memory size that does not go with the CPU, listing the ones that do', () => {
    const config = validConfig();
    config.services!.web = { ...config.services!.web!, cpu: 1024, memory: 1024 };
    expectIssue(config, 'services.web.memory', {
      message: ['1024 MiB does not go with cpu 1024 on Fargate'],
      fix: ['2048–8192 MiB in steps of 1024'],
    });
  });

  it('rejects a CPU size Fargate does not offer', () => {
    const config = validConfig();
    config.environments.dev!.services = { web: { cpu: 300 } };
    expectIssue(config, 'environments.dev.services.web.cpu', {
      message: ['300 is not a Fargate CPU size'],
      fix: ['256, 512, 1024, 2048, 4096, 8192 or 16384'],
    });
  });

  it('rejects one task in production', () => {
    const config = validConfig();
    config.environments.prod!.services = { web: { desiredCount: 1, minCount: 1 } };
    expectIssue(config, 'environments.prod.services.web.desiredCount', {
      message: ["1 task(s) for service 'web' in production environment 'prod'"],
      fix: ['desiredCount to 2 or more'],
    });
    expectIssue(config, 'environments.prod.services.web.minCount', {
      message: ['autoscaling could scale it to one task'],
      fix: ['minCount to 2 or more'],
    });
  });

  it('points a production count problem at the top-level value when that is where it came from', () => {
    const config = validConfig();
    config.services!.web!.minCount = 1;
    expectIssue(config, 'services.web.minCount', {
      message: ["production environment 'prod'"],
      fix: ['2 or more'],
    });
  });

  it('rejects counts out of order and autoscaling without a metric', () => {
    const config = validConfig();
    config.environments.dev!.services = { web: { minCount: 3, desiredCount: 2, maxCount: 4 } };
    expectIssue(config, 'environments.dev.services.web.minCount', {
      message: ['minCount ≤ desiredCount ≤ maxCount', '3 ≤ 2 ≤ 4'],
      fix: ['in order'],
    });
    const other = validConfig();
    other.services!.web!.scaling = {};
    expectIssue(other, 'services.web.scaling', {
      message: ['names no scaling metric'],
      fix: ['scaling.cpuPercent'],
    });
  });

  it('rejects request-count scaling on an internal service', () => {
    const config = validConfig();
    config.services!.worker = { port: 9000, public: false, scaling: { requestsPerTarget: 100 } };
    expectIssue(config, 'services.worker.scaling.requestsPerTarget', {
      message: ["'worker' is not public"],
      fix: ['cpuPercent or memoryPercent'],
    });
  });

  it('rejects a stop timeout beyond what Fargate allows', () => {
    const config = validConfig();
    config.services!.web!.stopTimeoutSeconds = 300;
    expectIssue(config, 'services.web.stopTimeoutSeconds', {
      message: ['300 seconds is outside the 1–120'],
      fix: ['1–120'],
    });
  });
});

describe('environment variables', () => {
  it.each(['DB_PASSWORD', 'SECRET_KEY', 'GITHUB_TOKEN', 'API_KEY'])(
    'moves %s out of plain environment variables',
    (name) => {
      const config = validConfig();
      config.services!.web!.environment = { [name]: 'x' };
      expectIssue(config, `services.web.environment.${name}`, {
        message: [`'${name}' looks like a credential`, 'clear text'],
        fix: ['move it to secrets', `map ${name}`],
      });
    },
  );

  it('rejects a password inside a connection URL', () => {
    const config = validConfig();
    config.environments.dev!.services = {
      web: { environment: { DATABASE_URL: 'postgres://app:hunter2@db:5432/shop' } },
    };
    expectIssue(config, 'environments.dev.services.web.environment.DATABASE_URL', {
      message: ['contains a password inside a URL'],
      fix: ['read the password from secrets'],
    });
  });

  it('rejects a variable set both plainly and as a secret, and invalid names', () => {
    const config = validConfig();
    config.services!.web!.environment = { STRIPE_KEY_ID: 'id', 'LOG-LEVEL': 'info' };
    config.services!.web!.secrets = { STRIPE_KEY_ID: 'stripeKey' };
    const issues = issuesOf(config);
    expect(issues.map((entry) => entry.message)).toEqual(
      expect.arrayContaining([
        "'STRIPE_KEY_ID' is set both as a plain variable and as a secret",
        "'LOG-LEVEL' is not a valid environment variable name",
      ]),
    );
  });
});

describe('routing', () => {
  it('rejects two public services on the same path', () => {
    const config = validConfig();
    config.services!.admin = { port: 80 };
    expectIssue(config, 'services.admin.paths[0]', {
      message: ["'/*' is already routed to public service 'web'"],
      fix: ["'/admin/*'"],
    });
  });

  it('rejects ports out of range', () => {
    const config = validConfig();
    config.services!.web!.port = 70000;
    expectIssue(config, 'services.web.port', { message: ['70000 is not a TCP port'], fix: ['1–65535'] });
  });

  it('rejects paths that are not load balancer patterns, and too many of them', () => {
    const config = validConfig();
    config.services!.web!.paths = ['api/*', '/a', '/b', '/c', '/d', '/e'];
    expectIssue(config, 'services.web.paths[0]', {
      message: ["'api/*' is not a load balancer path pattern"],
      fix: ["start with '/'"],
    });
    expectIssue(config, 'services.web.paths', {
      message: ['lists 6 path patterns', '1–5'],
      fix: ['wildcards'],
    });
  });

  it('rejects paths and allowed CIDRs on an internal service', () => {
    const config = validConfig();
    config.services!.worker = { port: 9000, public: false, paths: ['/w/*'], allowedCidrs: ['10.0.0.0/8'] };
    expectIssue(config, 'services.worker.paths', { message: ['is not public'], fix: ['remove paths'] });
    expectIssue(config, 'services.worker.allowedCidrs', {
      message: ['is not public'],
      fix: ['remove allowedCidrs'],
    });
  });

  it('rejects an allowed CIDR that is not a block', () => {
    const config = validConfig();
    config.services!.web!.allowedCidrs = ['203.0.113.7'];
    expectIssue(config, 'services.web.allowedCidrs[0]', {
      message: ['is not an IPv4 CIDR block'],
      fix: ["'203.0.113.0/24'"],
    });
  });
});

describe('images', () => {
  it('rejects a repository name ECR would refuse', () => {
    const config = validConfig();
    config.services!.web!.image = { repository: 'Shop/Web' };
    expectIssue(config, 'services.web.image.repository', {
      message: ["'Shop/Web' is not an ECR repository name"],
      fix: ["'shop/web'"],
    });
  });

  it('rejects an image tag ECR would refuse, where it was written', () => {
    const config = validConfig();
    config.environments.dev!.services = { web: { image: { tag: '-nightly' } } };
    expectIssue(config, 'environments.dev.services.web.image.tag', {
      message: ["'-nightly' is not a valid image tag"],
      fix: ["not starting with '.' or '-'"],
    });
  });
});

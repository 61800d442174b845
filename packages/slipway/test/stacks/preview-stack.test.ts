import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings, prepareChecks } from '../../src/checks/index.js';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel } from '../../src/model/types.js';
import { ssmParameterName } from '../../src/naming/names.js';
import { previewDiscoveryName, tagValue } from '../../src/naming/preview-names.js';
import type { Finding } from '../../src/checks/finding.js';
import type { CfnResource, CfnTemplate, SynthesizedStack } from '../../src/template/types.js';
import { planPreview, type PreviewPlan } from '../../src/preview/preview-plan.js';
import { buildPreviewApp } from '../../src/stacks/build-app.js';
import { dataKeys, runtimeKeys } from '../../src/stacks/shared/cross-stack.js';
import { PREVIEW_TAGS } from '../../src/stacks/preview/preview-stack.js';
import { synthesize } from '../../src/stacks/synthesize.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');
const CREATED_AT = new Date('2025-06-01T12:00:00Z');
const CERTIFICATE = 'arn:aws:acm:us-east-1:111111111111:certificate/6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';

interface Statement {
  readonly Action: unknown;
  readonly Resource: unknown;
}

/** One preview synthesized and checked the way the plan checks an environment. */
interface PreviewFixture {
  readonly model: AppModel;
  readonly plan: PreviewPlan;
  readonly stack: SynthesizedStack;
  readonly template: Template;
  /** The stack tags recorded in the cloud assembly. */
  readonly tags: Readonly<Record<string, string>>;
  readonly findings: readonly Finding[];
  dispose(): void;
}

function previewFixture(model: AppModel, branch: string): PreviewFixture {
  const plan = planPreview(model, { branch, now: CREATED_AT });
  const outdir = mkdtempSync(path.join(tmpdir(), `slipway-preview-${model.app}-`));
  const built = buildPreviewApp(model, plan, { outdir });
  prepareChecks(built.app, model);
  const [stack] = synthesize(built);
  if (!stack) throw new Error('the preview app has no stack');
  const findings = collectFindings({ app: built.app, stacks: [stack], model, allEnvironments: false });
  return {
    model,
    plan,
    stack,
    template: Template.fromJSON(stack.template),
    tags: built.app.synth().getStackByName(plan.stackName).tags,
    findings,
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** `{ Ref }` to the template parameter that reads SSM parameter `name`; fails unless there is one. */
function parameterRef(template: CfnTemplate, name: string): { Ref: string } {
  const ids = Object.entries(template.Parameters ?? {})
    .filter(([, parameter]) => (parameter as { Default?: unknown }).Default === name)
    .map(([id]) => id);
  expect(ids, `parameters reading ${name}`).toHaveLength(1);
  return { Ref: ids[0]! };
}

function runtimeRef(fx: PreviewFixture, key: string): { Ref: string } {
  return parameterRef(fx.stack.template, ssmParameterName(fx.model.app, fx.plan.source.name, 'runtime', key));
}

function resourcesOf(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === type);
}

interface ContainerProps {
  readonly Name: string;
  readonly Environment: readonly { readonly Name: string; readonly Value: unknown }[];
}

interface ServiceProps {
  readonly TaskDefinition: { readonly Ref: string };
  readonly CapacityProviderStrategy?: unknown;
  readonly DesiredCount?: number;
  readonly ServiceRegistries?: unknown;
  readonly DeploymentConfiguration?: { readonly Alarms?: unknown };
  readonly NetworkConfiguration: { readonly AwsvpcConfiguration: { readonly SecurityGroups: unknown[] } };
}

/** Each ECS service of the template by its container's name, with its container and its own group. */
function ecsServices(template: CfnTemplate) {
  const resources = template.Resources ?? {};
  return new Map(
    resourcesOf(template, 'AWS::ECS::Service').map(([id, service]) => {
      const props = service.Properties as unknown as ServiceProps;
      const taskDefinition = resources[props.TaskDefinition.Ref]?.Properties ?? {};
      const [container] = taskDefinition.ContainerDefinitions as ContainerProps[];
      // The service's own group is created here; the shared one is read from SSM.
      const own = props.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups.find(
        (g): g is { 'Fn::GetAtt': [string, string] } =>
          typeof g === 'object' && g !== null && 'Fn::GetAtt' in g,
      );
      return [container!.Name, { id, props, container: container!, taskGroup: own!['Fn::GetAtt'][0] }];
    }),
  );
}

/** The literal tail of a `Fn::Join` (or the string itself). */
function joinedTail(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const parts = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1];
  const last = parts?.at(-1);
  return typeof last === 'string' ? last : undefined;
}

function openErrors(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.level === 'error' && !f.acknowledged)
    .map((f) => `${f.rule} on ${f.resource}: ${f.message}`);
}

const exampleModel = (name: string) => loadConfig(path.join(EXAMPLES, name, 'slipway.config.ts'));

type EnvironmentChange = (env: AppModel['environments'][number]) => AppModel['environments'][number];

/** The model with `change` applied to dev, the environment previews copy. */
function changeDev(model: AppModel, change: EnvironmentChange): AppModel {
  return { ...model, environments: model.environments.map((e) => (e.name === 'dev' ? change(e) : e)) };
}

/** Dev with its ingress set the way the config would set it. */
const ingressOf =
  (ingress: 'load-balancer' | 'http-api'): EnvironmentChange =>
  (e) => ({ ...e, ingress, ingressChoice: { ...e.ingressChoice, ingress, set: true } });

const withDomain: EnvironmentChange = (e) => ({
  ...e,
  domain: { name: 'dev.medications.example', certificateArn: CERTIFICATE },
});

/** The branch each example's preview is planned for: one with characters a slug must drop. */
const BRANCHES = { medications: 'feat/#42_Login', megadolls: 'feat/Login_Page' } as const;

/** Web's variables naming pgadmin's private address, and one that only looks like it. */
const CALLS_PGADMIN = {
  PGADMIN_URL: 'http://pgadmin.megadolls.internal:80/pgadmin',
  PGADMIN_HOST: 'pgadmin.megadolls.internal',
  OLD_ADMIN: 'https://old-pgadmin.megadolls.internal',
};

/** The previews this file checks, by name; each is built on first use and kept for the file. */
const PREVIEWS = {
  // Medications' dev would take the HTTP API by default; here it keeps the load balancer.
  medications: async () =>
    previewFixture(
      changeDev(await exampleModel('medications'), ingressOf('load-balancer')),
      BRANCHES.medications,
    ),
  megadolls: async () => previewFixture(await exampleModel('megadolls'), BRANCHES.megadolls),
  'with a domain': async () => {
    const model = changeDev(await exampleModel('medications'), ingressOf('load-balancer'));
    return previewFixture(changeDev(model, withDomain), 'feat/Login_Page');
  },
  'on the HTTP API': async () =>
    previewFixture(changeDev(await exampleModel('medications'), ingressOf('http-api')), BRANCHES.medications),

  // Web calls pgadmin by its private name, as services of one environment call each other.
  'services calling each other': async () => {
    const model = await exampleModel('megadolls');
    const calling: EnvironmentChange = (e) => ({
      ...e,
      services: e.services.map((s) =>
        s.name === 'web' ? { ...s, environment: { ...s.environment, ...CALLS_PGADMIN } } : s,
      ),
    });
    return previewFixture(changeDev(model, calling), BRANCHES.megadolls);
  },
  'no public service': async () => {
    const model = await exampleModel('medications');
    const internal = (e: AppModel['environments'][number]) => ({
      ...e,
      services: e.services.map((s) => ({ ...s, public: false })),
    });
    return previewFixture({ ...model, environments: model.environments.map(internal) }, 'feat/Login_Page');
  },
} satisfies Record<string, () => Promise<PreviewFixture>>;

// Shared so that one cfn-lint run (slow to start) checks every preview at the end of the file.
const built = new Map<keyof typeof PREVIEWS, Promise<PreviewFixture>>();
function preview(name: keyof typeof PREVIEWS): Promise<PreviewFixture> {
  const fixture = built.get(name) ?? PREVIEWS[name]();
  built.set(name, fixture);
  return fixture;
}
afterAll(async () => {
  for (const fixture of built.values()) (await fixture).dispose();
});

describe.each(['medications', 'megadolls'] as const)('preview stack of examples/%s', (name) => {
  let fx: PreviewFixture;
  let json: CfnTemplate;
  beforeAll(async () => {
    fx = await preview(name);
    json = fx.stack.template;
  });

  it("adds an HTTP listener on the plan's port of the environment's load balancer, answering 404", () => {
    expect(fx.plan.source.domain).toBeUndefined();
    fx.template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    fx.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: runtimeRef(fx, runtimeKeys.albArn),
      Port: fx.plan.port,
      Protocol: 'HTTP',
      DefaultActions: [
        {
          Type: 'fixed-response',
          FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' },
        },
      ],
    });
    fx.template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
  });

  it("opens exactly the plan's port on the load balancer's group, and nothing else there", () => {
    const alb = runtimeRef(fx, runtimeKeys.albSecurityGroupId);
    const onAlb = resourcesOf(json, 'AWS::EC2::SecurityGroupIngress').filter(
      ([, r]) => JSON.stringify(r.Properties?.GroupId) === JSON.stringify(alb),
    );
    expect(onAlb.map(([, r]) => r.Properties)).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: fx.plan.port, ToPort: fx.plan.port }),
    ]);
  });

  it('runs each service as one Fargate Spot task, at a private name of its own and without alarms', () => {
    const services = ecsServices(json);
    expect([...services.keys()].sort()).toEqual(fx.plan.environment.services.map((s) => s.name).sort());
    for (const [name, { props }] of services) {
      expect(props.CapacityProviderStrategy, name).toEqual([{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]);
      expect(props.DesiredCount, name).toBe(1);
      expect(props.ServiceRegistries, name).toHaveLength(1);
      expect(props.DeploymentConfiguration?.Alarms, name).toBeUndefined();
    }
    // One Cloud Map service per copy, named `<service>-pr-<slug>`: never the environment's own names.
    const registered = resourcesOf(json, 'AWS::ServiceDiscovery::Service').map(([, r]) => r.Properties?.Name);
    expect(registered.sort()).toEqual(
      fx.plan.environment.services.map((s) => previewDiscoveryName(s.name, fx.plan.slug)).sort(),
    );
    const types = Object.values(json.Resources ?? {}).map((r) => r.Type);
    expect(types.filter((t) => t === 'AWS::CloudWatch::Alarm')).toEqual([]);
    expect(types.filter((t) => t.startsWith('AWS::ApplicationAutoScaling::'))).toEqual([]);
  });

  it('deletes its log groups with the stack, keeping the environment retention meanwhile', () => {
    const groups = resourcesOf(json, 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(fx.plan.environment.services.length);
    for (const [id, group] of groups) {
      expect(group.DeletionPolicy, id).toBe('Delete');
      expect(group.Properties?.RetentionInDays, id).toBe(fx.plan.source.logRetentionDays);
    }
  });

  it("points each service at the preview's own database and role", () => {
    const [database] = fx.plan.databases;
    expect(database).toBeDefined();
    for (const [name, { container }] of ecsServices(json)) {
      const env = Object.fromEntries(container.Environment.map((e) => [e.Name, e.Value]));
      expect(env.DATABASE_NAME, name).toBe(database!.databaseName);
      expect(env.DATABASE_USER, name).toBe(database!.roleName);
      // The copied environment's instance by its endpoint, which its certificate names and RDS
      // signs IAM tokens for, read from that environment's data parameters; verified, not just encrypted.
      expect(env.DATABASE_HOST, name).toEqual(
        parameterRef(
          json,
          ssmParameterName(
            fx.model.app,
            fx.plan.source.name,
            'data',
            dataKeys.endpointAddress(database!.name),
          ),
        ),
      );
      expect(env.DATABASE_SSL, name).toBe('verify-full');
    }
  });

  it("lets each task role connect only as the preview's role", () => {
    const statements = resourcesOf(json, 'AWS::IAM::Policy')
      .flatMap(([, p]) => (p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => s.Action === 'rds-db:connect');
    expect(statements).toHaveLength(fx.plan.environment.services.filter((s) => s.database).length);
    for (const statement of statements) {
      expect(joinedTail(statement.Resource)).toBe(`/${fx.plan.databases[0]!.roleName}`);
    }
  });

  it("gives the load balancer a way to each public service's tasks, never to the shared group", () => {
    const alb = JSON.stringify(runtimeRef(fx, runtimeKeys.albSecurityGroupId));
    const shared = JSON.stringify(runtimeRef(fx, runtimeKeys.servicesSecurityGroupId));
    const egress = resourcesOf(json, 'AWS::EC2::SecurityGroupEgress').map(([, r]) => r.Properties ?? {});
    const services = ecsServices(json);
    const publicServices = fx.plan.environment.services.filter((s) => s.public);
    expect(publicServices.length).toBeGreaterThan(0);
    expect(egress).toHaveLength(publicServices.length);
    for (const service of publicServices) {
      const mine = egress.filter(
        (e) =>
          JSON.stringify(e.DestinationSecurityGroupId) ===
          JSON.stringify({ 'Fn::GetAtt': [services.get(service.name)!.taskGroup, 'GroupId'] }),
      );
      expect(mine, service.name).toEqual([
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: service.port, ToPort: service.port }),
      ]);
      expect(JSON.stringify(mine[0]!.GroupId)).toBe(alb);
    }
    expect(egress.filter((e) => JSON.stringify(e.DestinationSecurityGroupId) === shared)).toEqual([]);
  });

  it('tags the stack with its slug, branch, creation time and port', () => {
    expect(fx.tags).toMatchObject({
      [PREVIEW_TAGS.slug]: fx.plan.slug,
      [PREVIEW_TAGS.branch]: tagValue(BRANCHES[name]),
      [PREVIEW_TAGS.createdAt]: '2025-06-01T12:00:00.000Z',
      [PREVIEW_TAGS.port]: String(fx.plan.port),
      'slipway:app': name,
      'slipway:environment': 'dev',
    });
  });

  it("outputs the preview's address on the load balancer", () => {
    fx.template.hasOutput('Url', {
      Value: { 'Fn::Join': ['', ['http://', runtimeRef(fx, runtimeKeys.albDnsName), `:${fx.plan.port}`]] },
    });
  });

  it('has zero unacknowledged error findings from the security checks', () => {
    expect(fx.findings.length).toBeGreaterThan(0);
    expect(openErrors(fx.findings)).toEqual([]);
  });
});

describe('preview stack of an environment with a domain', () => {
  let fx: PreviewFixture;
  beforeAll(async () => {
    fx = await preview('with a domain');
  });

  it("serves HTTPS on the plan's port with the environment's certificate", () => {
    fx.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: fx.plan.port,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERTIFICATE }],
      DefaultActions: [
        Match.objectLike({
          Type: 'fixed-response',
          FixedResponseConfig: Match.objectLike({ StatusCode: '404' }),
        }),
      ],
    });
  });

  it('outputs an https address on the domain', () => {
    fx.template.hasOutput('Url', { Value: `https://dev.medications.example:${fx.plan.port}` });
  });

  it('has zero unacknowledged error findings', () => {
    expect(openErrors(fx.findings)).toEqual([]);
  });
});

describe('preview stack of an environment on the HTTP API', () => {
  let fx: PreviewFixture;
  let json: CfnTemplate;
  beforeAll(async () => {
    fx = await preview('on the HTTP API');
    json = fx.stack.template;
  });

  it('adds nothing to a load balancer and opens nothing to the internet', () => {
    const types = Object.values(json.Resources ?? {}).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith('AWS::ElasticLoadBalancingV2::'))).toEqual([]);
    const fromInternet = resourcesOf(json, 'AWS::EC2::SecurityGroupIngress').filter(
      ([, r]) => r.Properties?.CidrIp !== undefined,
    );
    expect(fromInternet).toEqual([]);
  });

  it("routes the preview's prefix on the environment's API to its own copy, taking the prefix off", () => {
    const prefix = fx.plan.routePrefix;
    expect(prefix).toBe(`/pr-${fx.plan.slug}`);
    const routes = resourcesOf(json, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual([`ANY ${prefix}`, `ANY ${prefix}/{proxy+}`]);
    for (const route of routes) expect(route.ApiId).toEqual(runtimeRef(fx, runtimeKeys.httpApiId));

    const [discoveryId] = resourcesOf(json, 'AWS::ServiceDiscovery::Service').map(([id]) => id);
    const rewrites = Object.fromEntries(
      routes.map((route) => {
        const target = (route.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
        const integration = json.Resources![(target[1] as { Ref: string }).Ref]!.Properties!;
        expect(integration.ConnectionId).toEqual(runtimeRef(fx, runtimeKeys.vpcLinkId));
        expect(integration.IntegrationUri).toEqual({ 'Fn::GetAtt': [discoveryId, 'Arn'] });
        const mapping = integration.RequestParameters as Record<string, string>;
        return [route.RouteKey as string, mapping['overwrite:path']];
      }),
    );
    expect(rewrites).toEqual({ [`ANY ${prefix}`]: '/', [`ANY ${prefix}/{proxy+}`]: '/$request.path.proxy' });
  });

  it('registers the copy in Cloud Map under its own name, with SRV records for the port, and no alarms', () => {
    fx.template.hasResourceProperties('AWS::ServiceDiscovery::Service', {
      Name: previewDiscoveryName('api', fx.plan.slug),
      DnsConfig: Match.objectLike({
        DnsRecords: [
          { Type: 'A', TTL: 10 },
          { Type: 'SRV', TTL: 10 },
        ],
      }),
    });
    const api = ecsServices(json).get('api')!;
    expect(api.props.ServiceRegistries as unknown[]).toHaveLength(1);
    expect(api.props.DeploymentConfiguration?.Alarms).toBeUndefined();
    fx.template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  it("lets the environment's VPC link reach the copy's tasks on their port, and nothing else", () => {
    const api = ecsServices(json).get('api')!;
    fx.template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: runtimeRef(fx, runtimeKeys.vpcLinkSecurityGroupId),
      DestinationSecurityGroupId: { 'Fn::GetAtt': [api.taskGroup, 'GroupId'] },
      FromPort: 8080,
      ToPort: 8080,
    });
  });

  it("outputs the preview's address: the API's, then the prefix", () => {
    fx.template.hasOutput('Url', {
      Value: { 'Fn::Join': ['', [runtimeRef(fx, runtimeKeys.httpApiEndpoint), `${fx.plan.routePrefix}/`]] },
    });
  });

  it('has zero unacknowledged error findings', () => {
    expect(openErrors(fx.findings)).toEqual([]);
  });
});

describe('preview stack of services that call each other', () => {
  it("points each copy's calls at the other copies' private names, not dev's services", async () => {
    const fx = await preview('services calling each other');
    const pgadminCopy = `${previewDiscoveryName('pgadmin', fx.plan.slug)}.megadolls.internal`;
    const web = ecsServices(fx.stack.template).get('web')!;
    const env = Object.fromEntries(web.container.Environment.map((e) => [e.Name, e.Value]));
    expect(env).toMatchObject({
      PGADMIN_URL: `http://${pgadminCopy}:80/pgadmin`,
      PGADMIN_HOST: pgadminCopy,
      // A longer name that merely contains pgadmin's is someone else's.
      OLD_ADMIN: CALLS_PGADMIN.OLD_ADMIN,
    });
    const names = resourcesOf(fx.stack.template, 'AWS::ServiceDiscovery::Service').map(
      ([, r]) => r.Properties?.Name,
    );
    expect(names).toContain(previewDiscoveryName('pgadmin', fx.plan.slug));
  });
});

describe('preview stack of an app with no public service', () => {
  let fx: PreviewFixture;
  beforeAll(async () => {
    fx = await preview('no public service');
  });

  it('adds no listener, opens nothing on the load balancer and has no address', () => {
    const types = Object.values(fx.stack.template.Resources ?? {}).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith('AWS::ElasticLoadBalancingV2::'))).toEqual([]);
    const fromInternet = resourcesOf(fx.stack.template, 'AWS::EC2::SecurityGroupIngress').filter(
      ([, r]) => r.Properties?.CidrIp !== undefined,
    );
    expect(fromInternet).toEqual([]);
    expect(Object.keys(fx.stack.template.Outputs ?? {})).not.toContain('Url');
    const read = Object.values(fx.stack.template.Parameters ?? {}).map(
      (p) => (p as { Default?: string }).Default,
    );
    expect(read.filter((name) => /\/runtime\/(alb|listener)/.test(name ?? ''))).toEqual([]);
    fx.template.resourceCountIs('AWS::ECS::Service', 1);
  });

  it('has zero unacknowledged error findings', () => {
    expect(openErrors(fx.findings)).toEqual([]);
  });
});

describe('every preview stack above', () => {
  it(
    'passes cfn-lint with zero errors',
    async () => {
      const names = Object.keys(PREVIEWS) as (keyof typeof PREVIEWS)[];
      const fixtures = await Promise.all(names.map((name) => preview(name)));
      const lint = lintTemplates(fixtures.map((fx) => fx.stack.templatePath));
      expect(lint.errors).toEqual([]);
      expect(lint.status & 2, 'cfn-lint exit code has the error bit').toBe(0);
    },
    LINT_ALL_TIMEOUT_MS,
  );
});

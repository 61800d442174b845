import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnResource } from '../../src/template/types.js';
import { SECRET_LOOKING_NAME } from '../../src/stacks/runtime/ecs/container-settings.js';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

/** SECURITY.md T items checked over every resource of every fixture template. */
describe.each([
  ['dev floor', devFloorModel],
  ['megadolls', megadollsLikeModel],
])('security invariants (%s)', (_label, model) => {
  let fx: FixtureApp;
  let resources: { stack: string; id: string; resource: CfnResource }[];
  beforeAll(() => {
    fx = fixtureApp(model());
    resources = fx.resources();
  });
  afterAll(() => fx.dispose());

  const ofType = (type: string) => resources.filter((r) => r.resource.Type === type);

  it('never pairs a * or service:* action with Resource *, nor allows Principal * (6, 7)', () => {
    const documents = resources.flatMap(({ stack, id, resource }) => {
      const p = resource.Properties ?? {};
      const inline =
        (p.Policies as { PolicyDocument: unknown }[] | undefined)?.map((x) => x.PolicyDocument) ?? [];
      return [p.PolicyDocument, ...inline].filter(Boolean).map((doc) => ({ where: `${stack}/${id}`, doc }));
    });
    expect(documents.length).toBeGreaterThan(3);
    for (const { where, doc } of documents) {
      for (const statement of (doc as { Statement: Record<string, unknown>[] }).Statement) {
        const actions = [statement.Action].flat() as string[];
        const resourcesOf = [statement.Resource].flat();
        if (statement.Effect === 'Allow' && resourcesOf.includes('*')) {
          for (const action of actions) expect(action, where).not.toMatch(/^\*$|:\*$/);
        }
        // A Deny for everyone (the TLS-only bucket rule) is fine; an Allow for everyone is not.
        if (statement.Effect === 'Allow') {
          expect(JSON.stringify(statement.Principal ?? null), where).not.toMatch(/^"\*"$|"AWS":"\*"/);
        }
      }
    }
    const managed = resources.flatMap((r) => (r.resource.Properties?.ManagedPolicyArns as unknown[]) ?? []);
    expect(JSON.stringify(managed)).not.toContain('AdministratorAccess');
  });

  it('gives every log group a retention (11)', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(2);
    for (const { stack, id, resource } of groups) {
      expect(resource.Properties?.RetentionInDays, `${stack}/${id}`).toEqual(expect.any(Number));
    }
  });

  it('opens 0.0.0.0/0 only on the load balancer group, only on 80/443; others admit groups (3)', () => {
    const albGroups = new Set(
      ofType('AWS::ElasticLoadBalancingV2::LoadBalancer').flatMap((r) =>
        ((r.resource.Properties?.SecurityGroups ?? []) as { 'Fn::GetAtt': string[] }[]).map(
          (g) => `${r.stack}/${g['Fn::GetAtt'][0]}`,
        ),
      ),
    );
    expect(albGroups.size).toBeGreaterThan(0);
    const rules = [
      ...ofType('AWS::EC2::SecurityGroup').flatMap((r) =>
        ((r.resource.Properties?.SecurityGroupIngress as Record<string, unknown>[]) ?? []).map((rule) => ({
          group: `${r.stack}/${r.id}`,
          rule,
        })),
      ),
      ...ofType('AWS::EC2::SecurityGroupIngress').map((r) => ({
        group: `${r.stack}/?`,
        rule: r.resource.Properties ?? {},
      })),
    ];
    expect(rules.length).toBeGreaterThan(2);
    for (const { group, rule } of rules) {
      if (rule.CidrIp !== undefined || rule.CidrIpv6 !== undefined) {
        expect(albGroups.has(group), `${group} admits a CIDR`).toBe(true);
        expect([80, 443]).toContain(rule.FromPort);
        expect(rule.ToPort).toBe(rule.FromPort);
      } else {
        expect(rule.SourceSecurityGroupId, group).toBeDefined();
      }
    }
  });

  it('puts no credential-looking name in a container environment (5)', () => {
    const containers = ofType('AWS::ECS::TaskDefinition').flatMap(
      (r) => r.resource.Properties?.ContainerDefinitions as { Environment?: { Name: string }[] }[],
    );
    expect(containers.length).toBeGreaterThan(0);
    for (const container of containers) {
      for (const variable of container.Environment ?? []) {
        expect(variable.Name).not.toMatch(SECRET_LOOKING_NAME);
      }
    }
  });

  it('snapshots or retains every stateful resource (28)', () => {
    for (const { stack, id, resource } of ofType('AWS::RDS::DBInstance')) {
      expect(['Snapshot', 'Retain'], `${stack}/${id}`).toContain(resource.DeletionPolicy);
      expect(['Snapshot', 'Retain'], `${stack}/${id}`).toContain(resource.UpdateReplacePolicy);
    }
    for (const type of [
      'AWS::Logs::LogGroup',
      'AWS::RDS::DBSubnetGroup',
      'AWS::ECR::Repository',
      'AWS::S3::Bucket',
      'AWS::SecretsManager::Secret',
    ]) {
      for (const { stack, id, resource } of ofType(type)) {
        expect(resource.DeletionPolicy, `${stack}/${id}`).toBe('Retain');
      }
    }
  });

  it('turns on circuit breaker rollback for every service (20)', () => {
    const services = ofType('AWS::ECS::Service');
    expect(services.length).toBeGreaterThan(0);
    for (const { stack, resource } of services) {
      expect(
        (resource.Properties?.DeploymentConfiguration as Record<string, unknown> | undefined)
          ?.DeploymentCircuitBreaker,
        stack,
      ).toEqual({ Enable: true, Rollback: true });
    }
  });

  it('names only alarms that exist in the same template (21)', () => {
    for (const { stack, resource } of ofType('AWS::ECS::Service')) {
      const configuration = resource.Properties?.DeploymentConfiguration as
        { Alarms?: { AlarmNames: string[] } } | undefined;
      const alarms = configuration?.Alarms;
      const defined = resources
        .filter((r) => r.stack === stack && r.resource.Type === 'AWS::CloudWatch::Alarm')
        .map((r) => r.resource.Properties?.AlarmName);
      // Every deployment alarm (5xx, p99 latency) is one the service rolls back on; the stack's
      // other alarms (down, CPU, memory, error lines) only tell a person.
      const deployment = defined.filter((name) => /-(5xx|p99-latency)$/.test(String(name)));
      expect(alarms?.AlarmNames ?? [], stack).toEqual(expect.arrayContaining(deployment));
      for (const name of alarms?.AlarmNames ?? []) expect(defined, stack).toContain(name);
    }
  });
});

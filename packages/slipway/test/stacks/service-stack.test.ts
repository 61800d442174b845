import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../src/model/types.js';
import { validConfig } from '../config/fixtures.js';
import { devFloorModel, megadollsLikeModel, stackNamesFor } from '../fixtures/models.js';
import { buildOnly, type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

function service(fx: FixtureApp, stack: string) {
  return onlyResource(fx.template(stack).findResources('AWS::ECS::Service'));
}

/** `{ Ref }` to the template parameter that reads SSM parameter `name` at deploy time. */
function parameterRef(fx: FixtureApp, stack: string, name: string): { Ref: string } {
  const parameters: Record<string, { Type: string; Default: string }> = fx
    .template(stack)
    .toJSON().Parameters;
  const ids = Object.entries(parameters)
    .filter(([, p]) => p.Type === 'AWS::SSM::Parameter::Value<String>' && p.Default === name)
    .map(([id]) => id);
  expect(ids, `parameters reading ${name}`).toHaveLength(1);
  return { Ref: ids[0]! };
}

function container(fx: FixtureApp, stack: string) {
  const task = onlyResource(fx.template(stack).findResources('AWS::ECS::TaskDefinition'));
  return task.Properties.ContainerDefinitions[0];
}

describe('service stack (dev floor: public, no NAT, Spot ARM, database)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(devFloorModel());
  });
  afterAll(() => fx.dispose());

  it('defines an ARM64 Fargate task with the model CPU and memory', () => {
    fx.template('floor-dev-api').hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'floor-dev-api',
      Cpu: '256',
      Memory: '512',
      RequiresCompatibilities: ['FARGATE'],
      NetworkMode: 'awsvpc',
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
    });
  });

  it('pulls the image by tag from the CI account registry, which the execution role may read', () => {
    expect(container(fx, 'floor-dev-api').Image).toBe(
      '111111111111.dkr.ecr.us-east-1.amazonaws.com/floor/api:dev-latest',
    );
    fx.template('floor-dev-api').hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('ExecutionRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
            Resource: 'arn:aws:ecr:us-east-1:111111111111:repository/floor/api',
          }),
        ]),
      },
    });
  });

  it('gives the container its port, how to reach its database, and no password', () => {
    const environment = Object.fromEntries(
      container(fx, 'floor-dev-api').Environment.map((e: { Name: string; Value: unknown }) => [
        e.Name,
        e.Value,
      ]),
    );
    expect(environment).toEqual({
      LOG_LEVEL: 'info',
      PORT: '8080',
      DATABASE_HOST: parameterRef(fx, 'floor-dev-api', '/floor/dev/data/main/endpoint-address'),
      DATABASE_PORT: '5432',
      DATABASE_NAME: 'floor',
      DATABASE_USER: 'app',
      DATABASE_IAM_AUTH: 'true',
      DATABASE_SSL: 'verify-full',
    });
  });

  it('passes secrets as Secrets[].ValueFrom, never as plain variables', () => {
    const { Secrets, Environment } = container(fx, 'floor-dev-api');
    expect(Secrets.map((x: { Name: string }) => x.Name)).toEqual(['SESSION_SECRET']);
    expect(JSON.stringify(Secrets[0].ValueFrom)).toContain(':parameter/floor/dev/session-secret');
    expect(Environment.map((e: { Name: string }) => e.Name)).not.toContain('SESSION_SECRET');
  });

  it('lets the task role connect to that instance as the app user only', () => {
    fx.template('floor-dev-api').hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskRole') }],
      PolicyDocument: {
        Statement: [
          {
            Sid: 'ConnectAsAppUser',
            Effect: 'Allow',
            Action: 'rds-db:connect',
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:aws:rds-db:us-east-1:111111111111:dbuser:',
                  { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevdatamainresourceid') },
                  '/app',
                ],
              ],
            },
          },
        ],
      },
    });
  });

  it('opens the database to its own tasks with a rule in this stack', () => {
    fx.template('floor-dev-api').hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevdatamainsecuritygroupid') },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TaskSecurityGroup'), 'GroupId'] },
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
    });
  });

  it('runs on Fargate Spot in the public subnets with a public IP when there is no NAT', () => {
    const { Properties } = service(fx, 'floor-dev-api');
    expect(Properties.CapacityProviderStrategy).toEqual([{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]);
    expect(Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('ENABLED');
    expect(JSON.stringify(Properties.NetworkConfiguration)).toContain('floordevnetworkpublicsubnet1id');
  });

  it('admits only the load balancer and the environment services on the container port', () => {
    const t = fx.template('floor-dev-api');
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress'));
    const toTasks = ingress.filter((r) => JSON.stringify(r.Properties.GroupId).includes('TaskSecurityGroup'));
    expect(toTasks).toHaveLength(2);
    for (const rule of toTasks) {
      expect(rule.Properties.SourceSecurityGroupId).toBeDefined();
      expect(rule.Properties.CidrIp).toBeUndefined();
      expect(rule.Properties.FromPort).toBe(8080);
    }
    const sources = toTasks.map((r) => JSON.stringify(r.Properties.SourceSecurityGroupId)).join();
    expect(sources).toContain('runtimealbsecuritygroupid');
    expect(sources).toContain('runtimeservicessecuritygroupid');
  });

  it('registers the tasks as api.floor.internal', () => {
    fx.template('floor-dev-api').hasResourceProperties('AWS::ServiceDiscovery::Service', {
      Name: 'api',
      DnsConfig: Match.objectLike({
        NamespaceId: { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevnetworknamespaceid') },
        DnsRecords: [{ Type: 'A', TTL: 10 }],
      }),
    });
  });

  it('attaches to the shared listener on its paths through a target group on the health path', () => {
    const t = fx.template('floor-dev-api');
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevruntimelistenerarn') },
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }],
      Actions: [Match.objectLike({ Type: 'forward' })],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8080,
      Protocol: 'HTTP',
      TargetType: 'ip',
      HealthCheckPath: '/health/ready',
    });
  });

  it('drains targets no longer than the container stop timeout', () => {
    const t = fx.template('floor-dev-api');
    const stopTimeout = container(fx, 'floor-dev-api').StopTimeout;
    expect(stopTimeout).toBe(30);
    const group = onlyResource(t.findResources('AWS::ElasticLoadBalancingV2::TargetGroup'));
    const delay = group.Properties.TargetGroupAttributes.find(
      (a: { Key: string }) => a.Key === 'deregistration_delay.timeout_seconds',
    );
    expect(Number(delay.Value)).toBeLessThanOrEqual(stopTimeout);
  });

  it('rolls back on the circuit breaker and on its 5xx and latency alarms', () => {
    const t = fx.template('floor-dev-api');
    const { DeploymentConfiguration } = service(fx, 'floor-dev-api').Properties;
    expect(DeploymentConfiguration).toMatchObject({
      Strategy: 'ROLLING',
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      MinimumHealthyPercent: 100,
      MaximumPercent: 200,
      Alarms: {
        Enable: true,
        Rollback: true,
        AlarmNames: ['floor-dev-api-5xx', 'floor-dev-api-p99-latency'],
      },
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'floor-dev-api-5xx',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Namespace: 'AWS/ApplicationELB',
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'floor-dev-api-p99-latency',
      MetricName: 'TargetResponseTime',
      ExtendedStatistic: 'p99',
    });
  });

  it("notifies the environment's alarm topic from the latency alarm and the 'down' composite over the 5xx", () => {
    const topic = parameterRef(fx, 'floor-dev-api', '/floor/dev/runtime/alarm-topic-arn');
    const t = fx.template('floor-dev-api');
    const actions = (type: string) =>
      Object.fromEntries(
        Object.values(t.findResources(type)).map((r) => [r.Properties.AlarmName, r.Properties.AlarmActions]),
      );
    expect(actions('AWS::CloudWatch::Alarm')).toEqual({
      'floor-dev-api-5xx': undefined,
      'floor-dev-api-p99-latency': [topic],
      'floor-dev-api-no-healthy-targets': undefined,
    });
    expect(actions('AWS::CloudWatch::CompositeAlarm')).toEqual({ 'floor-dev-api-down': [topic] });
  });

  it('gives ECS the health-check grace period of the model', () => {
    expect(service(fx, 'floor-dev-api').Properties.HealthCheckGracePeriodSeconds).toBe(30);
  });

  it('scales between min and max on CPU', () => {
    const t = fx.template('floor-dev-api');
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 1,
      MaxCapacity: 2,
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: 70,
      }),
    });
  });
});

describe('service stacks (megadolls: strategies, private subnets, internal service)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(megadollsLikeModel());
  });
  afterAll(() => fx.dispose());

  it('runs production services on demand with two tasks that never drop below 100 %', () => {
    const { Properties } = service(fx, 'megadolls-prod-web');
    expect(Properties.CapacityProviderStrategy).toEqual([{ CapacityProvider: 'FARGATE', Weight: 1 }]);
    expect(Properties.DesiredCount).toBeGreaterThanOrEqual(2);
    expect(Properties.DeploymentConfiguration).toMatchObject({
      MinimumHealthyPercent: 100,
      MaximumPercent: 200,
    });
    expect(Properties.HealthCheckGracePeriodSeconds).toBe(60);
  });

  it('keeps tasks in the private subnets without public IPs when a NAT exists', () => {
    const { NetworkConfiguration } = service(fx, 'megadolls-prod-web').Properties;
    expect(NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    expect(NetworkConfiguration.AwsvpcConfiguration.Subnets).toHaveLength(3);
    expect(JSON.stringify(NetworkConfiguration)).toContain('prodnetworkprivatesubnet3id');
  });

  it('canaries in production with a bake time, an alternate target group and the production rule', () => {
    const t = fx.template('megadolls-prod-web');
    const { Properties } = service(fx, 'megadolls-prod-web');
    expect(Properties.DeploymentConfiguration).toMatchObject({
      Strategy: 'CANARY',
      BakeTimeInMinutes: 10,
      CanaryConfiguration: { CanaryPercent: 10, CanaryBakeTimeInMinutes: 10 },
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
    });
    const [lb] = Properties.LoadBalancers;
    expect(lb.AdvancedConfiguration).toEqual({
      AlternateTargetGroupArn: { Ref: expect.stringMatching(/^RoutingAlternateTargetGroup/) },
      ProductionListenerRule: { Ref: expect.stringMatching(/^RoutingRule/) },
      RoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^RoutingTrafficShiftRole/), 'Arn'] },
    });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 2);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Actions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: { Ref: Match.stringLikeRegexp('^RoutingTargetGroup') }, Weight: 100 },
              { TargetGroupArn: { Ref: Match.stringLikeRegexp('^RoutingAlternateTargetGroup') }, Weight: 0 },
            ],
          },
        },
      ],
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'ecs.amazonaws.com' } })],
      },
      ManagedPolicyArns: [
        Match.objectLike({
          'Fn::Join': [
            '',
            Match.arrayWith([':iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers']),
          ],
        }),
      ],
    });
  });

  it('rolls out linearly in dev and blue/green for pgadmin', () => {
    expect(service(fx, 'megadolls-dev-web').Properties.DeploymentConfiguration).toMatchObject({
      Strategy: 'LINEAR',
      BakeTimeInMinutes: 5,
      LinearConfiguration: { StepPercent: 10, StepBakeTimeInMinutes: 2 },
    });
    const pgadmin = service(fx, 'megadolls-dev-pgadmin').Properties;
    expect(pgadmin.DeploymentConfiguration).toMatchObject({ Strategy: 'BLUE_GREEN', BakeTimeInMinutes: 5 });
    expect(pgadmin.LoadBalancers[0].AdvancedConfiguration.AlternateTargetGroupArn).toBeDefined();
  });

  it('watches both target groups in the alarms, since ECS swaps them between deployments', () => {
    const alarm = onlyResource(
      fx.template('megadolls-prod-web').findResources('AWS::CloudWatch::Alarm', {
        Properties: { AlarmName: 'megadolls-prod-web-5xx' },
      }),
    );
    const stats = alarm.Properties.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat);
    expect(
      stats.map((m: { MetricStat: { Metric: { MetricName: string } } }) => m.MetricStat.Metric.MetricName),
    ).toEqual(['HTTPCode_Target_5XX_Count', 'HTTPCode_Target_5XX_Count']);
    expect(alarm.Properties.Metrics[0]).toMatchObject({
      Expression: 'FILL(m1, 0) + FILL(m2, 0)',
      ReturnData: true,
    });
  });

  it('restricts pgadmin to the office CIDR and matches its rule before the catch-all', () => {
    const t = fx.template('megadolls-dev-pgadmin');
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 10,
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/pgadmin', '/pgadmin/*'] } },
        { Field: 'source-ip', SourceIpConfig: { Values: ['203.0.113.0/24'] } },
      ],
    });
    fx.template('megadolls-dev-web').hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 20,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }],
    });
  });

  it('reads a created Secrets Manager secret by the ARN the data stack published', () => {
    const { Secrets } = container(fx, 'megadolls-prod-pgadmin');
    expect(Secrets).toEqual([
      {
        Name: 'PGADMIN_DEFAULT_PASSWORD',
        ValueFrom: {
          Ref: expect.stringMatching(/^SsmParameterValuemegadollsproddatasecretspgadminpasswordarn/),
        },
      },
    ]);
  });

  it('scales web on requests per target as well as CPU', () => {
    fx.template('megadolls-prod-web').hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
        TargetValue: 500,
      }),
    });
  });

  it('gives an internal service no load balancer, rule or deployment alarms, but a private DNS name', () => {
    const t = fx.template('megadolls-dev-worker');
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 0);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 0);
    // Only "no running task" and its composite: nothing a deployment could roll back on.
    t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'megadolls-dev-worker-no-running-tasks' });
    t.hasResourceProperties('AWS::ServiceDiscovery::Service', { Name: 'worker' });
    const { Properties } = service(fx, 'megadolls-dev-worker');
    expect(Properties.DeploymentConfiguration.DeploymentCircuitBreaker).toEqual({
      Enable: true,
      Rollback: true,
    });
    expect(Properties.HealthCheckGracePeriodSeconds).toBeUndefined();
    const acknowledged = fx
      .stack('megadolls-dev-worker')
      .node.findAll()
      .flatMap((c) =>
        c.node.metadata.filter((m) => m.type === 'slipway:acknowledgement').map((m) => m.data.rule),
      );
    expect(acknowledged).toContain('Slipway-ECS3');
  });

  it('reads every layer value from SSM parameters', () => {
    const parameters = fx.template('megadolls-prod-web').toJSON().Parameters;
    const defaults = Object.values<{ Type: string; Default: string }>(parameters)
      .filter(
        (p) => p.Type === 'AWS::SSM::Parameter::Value<String>' && !p.Default.startsWith('/cdk-bootstrap/'),
      )
      .map((p) => p.Default)
      .sort();
    expect(defaults).toEqual([
      '/megadolls/prod/data/main/endpoint-address',
      '/megadolls/prod/data/main/resource-id',
      '/megadolls/prod/data/main/security-group-id',
      '/megadolls/prod/network/namespace-id',
      '/megadolls/prod/network/private-subnet-1-id',
      '/megadolls/prod/network/private-subnet-2-id',
      '/megadolls/prod/network/private-subnet-3-id',
      '/megadolls/prod/network/vpc-id',
      '/megadolls/prod/runtime/alarm-topic-arn',
      '/megadolls/prod/runtime/alb-security-group-id',
      '/megadolls/prod/runtime/cluster-name',
      '/megadolls/prod/runtime/listener-arn',
      '/megadolls/prod/runtime/services-security-group-id',
    ]);
  });
});

describe('service stack of a database on its own port', () => {
  it('gives the container that DATABASE_PORT and opens the database on it', () => {
    const model = devFloorModel();
    const [dev] = model.environments;
    if (!dev?.databases[0]) throw new Error('fixture has no database');
    const moved = {
      ...model,
      environments: [{ ...dev, databases: [{ ...dev.databases[0], port: 6543 }] }],
    };
    const fx = fixtureApp(moved);
    try {
      const variables = container(fx, 'floor-dev-api').Environment as { Name: string; Value: unknown }[];
      expect(variables.find((v) => v.Name === 'DATABASE_PORT')?.Value).toBe('6543');
      fx.template('floor-dev-api').hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        FromPort: 6543,
        ToPort: 6543,
      });
    } finally {
      fx.dispose();
    }
  });
});

describe('linear rollout from a config without bakeMinutes (optional, as docs/config.md says)', () => {
  it('synthesizes, baking after the last step as long as between steps', () => {
    const config = validConfig();
    config.services!.web!.deployment = { strategy: 'linear', stepPercent: 25, stepMinutes: 4 };
    const fx = fixtureApp(resolveConfig(config));
    try {
      expect(service(fx, 'shop-prod-web').Properties.DeploymentConfiguration).toMatchObject({
        Strategy: 'LINEAR',
        BakeTimeInMinutes: 4,
        LinearConfiguration: { StepPercent: 25, StepBakeTimeInMinutes: 4 },
      });
    } finally {
      fx.dispose();
    }
  });
});

describe('service stack errors', () => {
  function withService(overrides: Partial<ServiceModel>, env: Partial<EnvironmentModel> = {}): AppModel {
    const model = devFloorModel();
    const [dev] = model.environments;
    const api = dev?.services[0];
    if (!dev || !api) throw new Error('fixture has no service');
    const changed = { ...api, ...overrides };
    return {
      ...model,
      environments: [
        { ...dev, ...env, services: [changed], stackNames: stackNamesFor(model.app, 'dev', [changed]) },
      ],
    };
  }

  it('refuses a canary without a traffic share, naming the field', () => {
    expect(() => buildOnly(withService({ deployment: { strategy: 'canary', bakeMinutes: 10 } }))).toThrow(
      /environments\.dev\.services\.api\.deployment\.canaryPercent: canary needs a share of traffic from 0\.1 to 100/,
    );
  });

  it('refuses a hand-built linear model with no bake time, which the config code never makes', () => {
    expect(() =>
      buildOnly(withService({ deployment: { strategy: 'linear', stepPercent: 10, stepMinutes: 2 } })),
    ).toThrow(/deployment\.bakeMinutes: linear needs whole minutes from 0 to 1440, got nothing/);
  });

  it('refuses a traffic-shifting strategy for a service without a load balancer', () => {
    expect(() =>
      buildOnly(
        withService({ public: false, paths: [], deployment: { strategy: 'blue-green', bakeMinutes: 5 } }),
      ),
    ).toThrow(
      /deployment\.strategy: 'blue-green' shifts load-balancer traffic, but this service is not public/,
    );
  });

  it('refuses a secret that is not declared', () => {
    expect(() => buildOnly(withService({ secrets: { API_TOKEN: 'nope' } }))).toThrow(
      /services\.api\.secrets\.API_TOKEN: no secret named 'nope' is declared in dev\. .*session-secret/,
    );
  });

  it('refuses a database that is not declared, as a config error with the field path', () => {
    const build = () => buildOnly(withService({ database: 'analytics' }));
    expect(build).toThrow(/services\.api\.database: no database named 'analytics' is declared in dev/);
    expect(build).toThrow(ConfigError);
    try {
      build();
    } catch (error) {
      expect((error as ConfigError).issues.map((i) => i.path)).toEqual([
        'environments.dev.services.api.database',
      ]);
    }
  });

  it('refuses a credential-looking plain variable and says how to pass it instead', () => {
    expect(() => buildOnly(withService({ environment: { STRIPE_API_KEY: 'sk_live' } }))).toThrow(
      /services\.api\.environment\.STRIPE_API_KEY: .*credential-looking name\. Fix: Declare a secret/,
    );
  });

  it('refuses a single production task', () => {
    expect(() => buildOnly(withService({}, { production: true }))).toThrow(
      /services\.api\.desiredCount: production services run at least 2 tasks, got desiredCount 1/,
    );
  });

  it('refuses more path patterns than one ALB rule takes', () => {
    expect(() => buildOnly(withService({ paths: ['/a', '/b', '/c', '/d'] }))).toThrow(
      /services\.api\.paths: a public service needs 1 to 3 path patterns/,
    );
  });

  it('refuses a PORT variable that disagrees with the service port', () => {
    expect(() => buildOnly(withService({ environment: { PORT: '3000' } }))).toThrow(
      /services\.api\.environment\.PORT: PORT is 3000 but the service's port is 8080/,
    );
  });

  it('refuses scaling room without a scaling target', () => {
    expect(() => buildOnly(withService({ scaling: {} }))).toThrow(
      /services\.api\.scaling: the service may scale from 1 to 2 tasks but names no scaling target/,
    );
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import { plansOnce } from '../support/plans-once.js';

type DevEncryption = 'aws-managed' | 'customer-managed';
const ENCRYPTIONS: readonly DevEncryption[] = ['aws-managed', 'customer-managed'];

/** An app whose web service asks for the `sessions` cache; dev may use customer-managed keys. */
function config(devEncryption: DevEncryption): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    caches: { sessions: {} },
    services: {
      web: { port: 8080, cache: 'sessions' },
      worker: { port: 9000, public: false },
    },
    acknowledgements: [
      { rule: 'Slipway-ELB5', stack: 'shop-prod-runtime', reason: 'A test app with no domain of its own.' },
    ],
    environments: {
      dev: {
        account: '111111111111',
        region: 'us-east-1',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        encryption: devEncryption,
      },
      prod: {
        production: true,
        account: '222222222222',
        region: 'eu-west-1',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        // Production's alarms reach someone (Slipway-OBS1).
        observability: { alerts: { email: ['oncall@example.com'] } },
      },
    },
  };
}

const planned = plansOnce((encryption: DevEncryption) => resolveConfig(config(encryption)));

describe.each(ENCRYPTIONS.map((encryption) => ({ encryption })))(
  'a Valkey cache (dev $encryption)',
  ({ encryption }) => {
    let plan: PlanOutcome;
    beforeAll(() => {
      plan = planned(encryption);
    });

    const template = (stack: string): CfnTemplate => {
      const found = plan.environments.flatMap((e) => e.stacks).find((s) => s.name === stack);
      if (!found) throw new Error(`no stack ${stack}`);
      return JSON.parse(readFileSync(found.template, 'utf8')) as CfnTemplate;
    };
    const ofType = (stack: string, type: string): [string, CfnResource][] =>
      Object.entries(template(stack).Resources ?? {}).filter(([, r]) => r.Type === type);
    const group = (env: string) => ofType(`shop-${env}-data`, 'AWS::ElastiCache::ReplicationGroup')[0]!;

    it('is encrypted in transit and at rest, patched, snapshotted and logged, with pinned ids', () => {
      const [id, resource] = group('dev');
      expect(id).toBe('CacheSessionsReplicationGroup');
      expect(resource.Properties).toMatchObject({
        Engine: 'valkey',
        EngineVersion: '8.0',
        CacheNodeType: 'cache.t4g.micro',
        TransitEncryptionEnabled: true,
        TransitEncryptionMode: 'required',
        AtRestEncryptionEnabled: true,
        AutoMinorVersionUpgrade: true,
        Port: 6379,
        CacheSubnetGroupName: { Ref: 'CacheSessionsSubnetGroup' },
        LogDeliveryConfigurations: [
          expect.objectContaining({
            LogType: 'slow-log',
            DestinationType: 'cloudwatch-logs',
            DestinationDetails: { CloudWatchLogsDetails: { LogGroup: { Ref: 'CacheSessionsSlowLogGroup' } } },
          }),
        ],
      });
      expect(resource.Properties).not.toHaveProperty('AuthToken');
      const kmsKeyId = resource.Properties?.['KmsKeyId'];
      if (encryption === 'customer-managed') expect(JSON.stringify(kmsKeyId)).toContain('DataKey');
      else expect(kmsKeyId).toBeUndefined();
      const [, subnets] = ofType('shop-dev-data', 'AWS::ElastiCache::SubnetGroup')[0]!;
      expect(subnets.Properties?.['SubnetIds']).toHaveLength(2);
    });

    it('runs one node outside production and a Multi-AZ pair with failover in production', () => {
      expect(group('dev')[1].Properties).toMatchObject({
        NumCacheClusters: 1,
        AutomaticFailoverEnabled: false,
        MultiAZEnabled: false,
        SnapshotRetentionLimit: 1,
      });
      expect(group('dev')[1].DeletionPolicy).toBe('Delete');
      expect(group('prod')[1].Properties).toMatchObject({
        NumCacheClusters: 2,
        AutomaticFailoverEnabled: true,
        MultiAZEnabled: true,
        SnapshotRetentionLimit: 7,
      });
      expect(group('prod')[1].DeletionPolicy).toBe('Snapshot');
    });

    it('admits only the tasks of a service that asks for it, which get REDIS_URL over TLS', () => {
      const [, cacheGroup] = ofType('shop-dev-data', 'AWS::EC2::SecurityGroup').find(([id]) =>
        id.startsWith('CacheSessions'),
      )!;
      expect(cacheGroup.Properties?.['SecurityGroupIngress']).toBeUndefined();
      const ingress = ofType('shop-dev-web', 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties);
      expect(ingress).toContainEqual(
        expect.objectContaining({
          IpProtocol: 'tcp',
          FromPort: 6379,
          ToPort: 6379,
          GroupId: { Ref: expect.stringMatching(/cachessessionssecuritygroupid/i) },
        }),
      );
      expect(
        ofType('shop-dev-worker', 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties),
      ).not.toContainEqual(expect.objectContaining({ FromPort: 6379 }));
      const [, task] = ofType('shop-dev-web', 'AWS::ECS::TaskDefinition')[0]!;
      const variables = (
        task.Properties?.['ContainerDefinitions'] as { Environment: { Name: string; Value: unknown }[] }[]
      )[0]!.Environment;
      const url = variables.find((v) => v.Name === 'REDIS_URL')?.Value;
      expect(JSON.stringify(url)).toMatch(/rediss:\/\/.*cachessessionsendpointaddress.*:6379/i);
      const names = ofType('shop-dev-data', 'AWS::SSM::Parameter').map(([, r]) => r.Properties?.['Name']);
      expect(names).toEqual(
        expect.arrayContaining([
          '/shop/dev/data/caches/sessions/endpoint-address',
          '/shop/dev/data/caches/sessions/endpoint-port',
          '/shop/dev/data/caches/sessions/security-group-id',
        ]),
      );
    });

    it('plans with no open finding on the cache and no open error anywhere', () => {
      const open = allFindings(plan).filter((f) => !f.acknowledged);
      const onCache = open.filter((f) => /Cache/.test(f.resource) || /ELASTICACHE|AEC/.test(f.rule));
      expect(onCache.map((f) => `${f.stack} ${f.resource} ${f.rule}: ${f.message}`)).toEqual([]);
      const errors = open.filter((f) => f.level === 'error' || f.rule === 'Slipway-ACK1');
      expect(errors.map((f) => `${f.stack} ${f.resource} ${f.rule}: ${f.message}`)).toEqual([]);
    });

    it('prices node-hours per node, in every region', () => {
      const lines = plan.environments.flatMap((e) =>
        e.costItems.filter((item) => item.type === 'AWS::ElastiCache::ReplicationGroup'),
      );
      expect(lines).toHaveLength(2);
      const [dev, prod] = lines;
      expect(dev!.usd).toBeCloseTo(730 * 0.0128, 2);
      // eu-west-1 derives its figure from us-east-1's, two nodes of it.
      expect(prod!.usd).toBeGreaterThan(2 * dev!.usd);
      expect(prod!.basis).toContain('× 2 nodes');
    });
  },
);

describe('the Valkey cache plans above', () => {
  it(
    'pass cfn-lint with zero errors in every environment',
    () => {
      const files = ENCRYPTIONS.flatMap((encryption) =>
        planned(encryption).environments.flatMap((e) => e.stacks.map((s) => s.template)),
      );
      expect(lintTemplates(files).errors).toEqual([]);
    },
    LINT_ALL_TIMEOUT_MS,
  );
});

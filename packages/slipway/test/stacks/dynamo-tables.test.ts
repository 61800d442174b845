import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { plannedStacks } from '../support/planned-stacks.js';

/**
 * Orders read and written by `api`, read by `reports`; dev on the environment's own keys, prod on
 * AWS's, in another region, so both encryptions and both partitions of a plan are covered at once.
 */
const CONFIG: SlipwayConfig = {
  app: 'shop',
  github: { repository: 'acme/shop' },
  tables: {
    orders: {
      partitionKey: { name: 'pk' },
      sortKey: { name: 'createdAt', type: 'number' },
      ttlAttribute: 'expiresAt',
      stream: 'new-and-old-images',
    },
    'order-events': { partitionKey: { name: 'id' } },
  },
  services: {
    api: { port: 8080, tables: { orders: 'read-write', 'order-events': 'read-write' } },
    reports: { port: 9000, public: false, tables: { orders: 'read' } },
    worker: { port: 9100, public: false },
  },
  acknowledgements: [
    { rule: 'Slipway-ELB5', stack: 'shop-prod-runtime', reason: 'A test app with no domain of its own.' },
  ],
  environments: {
    dev: {
      account: '111111111111',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      encryption: 'customer-managed',
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

describe('DynamoDB tables', () => {
  let plan: PlanOutcome;
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-tables-'));
    plan = runPlan(resolveConfig(CONFIG), { outdir });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const { ofType } = plannedStacks(() => plan);
  const taskRolePolicy = (stack: string) =>
    ofType(stack, 'AWS::IAM::Policy')
      .filter(([id]) => id.startsWith('TaskDefinitionTaskRole'))
      .flatMap(
        ([, r]) => (r.Properties?.['PolicyDocument'] as { Statement: Record<string, unknown>[] }).Statement,
      );
  const variables = (stack: string) =>
    (
      ofType(stack, 'AWS::ECS::TaskDefinition')[0]![1].Properties?.['ContainerDefinitions'] as {
        Environment: { Name: string; Value: unknown }[];
      }[]
    )[0]!.Environment;

  it('makes each table on demand, recoverable, kept and named by app and environment, with pinned ids', () => {
    const tables = ofType('shop-dev-data', 'AWS::DynamoDB::Table');
    expect(tables.map(([id]) => id)).toEqual(['TableOrders', 'TableOrderEvents']);
    const [, orders] = tables[0]!;
    expect(orders.DeletionPolicy).toBe('Retain');
    expect(orders.UpdateReplacePolicy).toBe('Retain');
    expect(orders.Properties).toMatchObject({
      TableName: 'shop-dev-orders',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'createdAt', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'createdAt', AttributeType: 'N' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      DeletionProtectionEnabled: false,
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    });
    expect(JSON.stringify(orders.Properties?.['SSESpecification'])).toContain('DataKey');
    const [, prodOrders] = ofType('shop-prod-data', 'AWS::DynamoDB::Table')[0]!;
    expect(prodOrders.Properties).toMatchObject({
      TableName: 'shop-prod-orders',
      DeletionProtectionEnabled: true,
    });
    expect(JSON.stringify(prodOrders.Properties?.['SSESpecification'])).not.toContain('KMSMasterKeyId');
  });

  it('gives each service its tables’ names and only the access it asked for', () => {
    expect(variables('shop-dev-api')).toEqual(
      expect.arrayContaining([
        { Name: 'TABLE_ORDERS', Value: 'shop-dev-orders' },
        { Name: 'TABLE_ORDER_EVENTS', Value: 'shop-dev-order-events' },
      ]),
    );
    expect(variables('shop-dev-reports')).toContainEqual({ Name: 'TABLE_ORDERS', Value: 'shop-dev-orders' });
    expect(
      variables('shop-dev-worker')
        .map((v) => v.Name)
        .filter((n) => n.startsWith('TABLE_')),
    ).toEqual([]);

    const api = taskRolePolicy('shop-dev-api');
    const write = api.find((s) => s['Sid'] === 'WriteDeclaredTables');
    expect(write?.['Resource']).toEqual(
      expect.arrayContaining([
        'arn:aws:dynamodb:us-east-1:111111111111:table/shop-dev-orders',
        'arn:aws:dynamodb:us-east-1:111111111111:table/shop-dev-order-events',
      ]),
    );
    expect(JSON.stringify(api)).toContain('dynamodb.us-east-1.amazonaws.com');

    const reports = taskRolePolicy('shop-dev-reports');
    expect(reports.map((s) => s['Sid'])).toContain('ReadDeclaredTables');
    expect(reports.map((s) => s['Sid'])).not.toContain('WriteDeclaredTables');
    expect(JSON.stringify(reports)).not.toContain('order-events');
    expect(JSON.stringify(reports)).not.toMatch(/dynamodb:(PutItem|DeleteItem|\*)/);
    expect(JSON.stringify(taskRolePolicy('shop-dev-worker'))).not.toContain('dynamodb');
    // AWS's key in prod: no key statement.
    expect(JSON.stringify(taskRolePolicy('shop-prod-api'))).not.toContain('kms:');
  });

  it('plans with no open finding on the tables and no open error anywhere', () => {
    const open = allFindings(plan).filter((f) => !f.acknowledged);
    const onTables = open.filter((f) => /Table/.test(f.resource) || /DDB|DYNAMODB/.test(f.rule));
    expect(onTables.map((f) => `${f.stack} ${f.resource} ${f.rule}: ${f.message}`)).toEqual([]);
    const errors = open.filter((f) => f.level === 'error' || f.rule === 'Slipway-ACK1');
    expect(errors.map((f) => `${f.stack} ${f.resource} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('prices requests, storage and continuous backups per table from the usage model', () => {
    const dev = plan.environments.find((e) => e.name === 'dev')!;
    const lines = dev.costItems.filter((item) => item.type === 'AWS::DynamoDB::Table');
    expect(lines).toHaveLength(2);
    // 1 M writes × $0.625 + 1 M reads × $0.125 + 1 GB × $0.25 + 1 GB of backups × $0.20.
    for (const line of lines) expect(line.usd).toBeCloseTo(0.625 + 0.125 + 0.25 + 0.2, 3);
    expect(lines[0]!.basis).toContain('continuous backups');
  });

  it('passes cfn-lint with zero errors', () => {
    const files = plan.environments.flatMap((e) => e.stacks.map((s) => s.template));
    expect(lintTemplates(files).errors).toEqual([]);
  });
});

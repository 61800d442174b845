import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import type { CfnResource } from '../../src/template/types.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { plannedStacks } from '../support/planned-stacks.js';

const ENTRY = fileURLToPath(new URL('../fixtures/functions/notify.ts', import.meta.url));

/**
 * `notify` reads the orders table's stream (INSERTs only) and the table; `audit` is called by
 * nothing Slipway makes and reserves 2 calls; `ship` hears the `order-events` topic `api` publishes
 * to. Dev on the environment's own keys, prod on AWS's in another region.
 */
const CONFIG: SlipwayConfig = {
  app: 'shop',
  github: { repository: 'acme/shop' },
  tables: {
    orders: { partitionKey: { name: 'pk' }, stream: 'new-image' },
    audit: { partitionKey: { name: 'id' } },
  },
  functions: {
    notify: {
      entry: ENTRY,
      tables: { orders: 'read' },
      environment: { LOG_LEVEL: 'info' },
      events: { table: 'orders', batchSize: 50, filters: [{ eventName: ['INSERT'] }] },
    },
    audit: { entry: ENTRY, memory: 512, reservedConcurrency: 2, tables: { audit: 'read-write' } },
    ship: {
      entry: ENTRY,
      events: { topic: 'order-events', batchSize: 50, filters: [{ body: { kind: ['paid'] } }] },
    },
  },
  topics: { 'order-events': {} },
  services: {
    api: { port: 8080, tables: { orders: 'read-write' }, topics: ['order-events'] },
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

describe('functions', () => {
  let plan: PlanOutcome;
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-functions-'));
    plan = runPlan(resolveConfig(CONFIG), { outdir });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const { template, ofType } = plannedStacks(() => plan);
  const fn = (stack: string, name: string) =>
    ofType(stack, 'AWS::Lambda::Function').find(([, r]) => r.Properties?.['FunctionName'] === name)![1];
  const policyOf = (stack: string, prefix: string) =>
    ofType(stack, 'AWS::IAM::Policy')
      .filter(([id]) => id.startsWith(prefix))
      .flatMap(
        ([, r]) => (r.Properties?.['PolicyDocument'] as { Statement: Record<string, unknown>[] }).Statement,
      );

  it('puts the functions in their own stack after runtime and data, before the services', () => {
    const dev = plan.environments.find((e) => e.name === 'dev')!;
    expect(dev.stacks.map((s) => s.name)).toEqual([
      'shop-dev-network',
      'shop-dev-data',
      'shop-dev-runtime',
      'shop-dev-functions',
      'shop-dev-api',
      'shop-dev-worker',
      'shop-dev-monitoring',
    ]);
  });

  it('bundles each entry offline into Node.js 24 on arm64 with JSON logs, tracing and its own log group', () => {
    const notify = fn('shop-dev-functions', 'shop-dev-notify');
    expect(notify.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 30,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: 'FunctionNotifyLogs' } },
      Environment: { Variables: { LOG_LEVEL: 'info', TABLE_ORDERS: 'shop-dev-orders' } },
      Code: { S3Bucket: 'cdk-hnb659fds-assets-111111111111-us-east-1' },
    });
    expect(fn('shop-dev-functions', 'shop-dev-audit').Properties).toMatchObject({
      MemorySize: 512,
      ReservedConcurrentExecutions: 2,
    });
    const [, logs] = ofType('shop-dev-functions', 'AWS::Logs::LogGroup').find(
      ([id]) => id === 'FunctionNotifyLogs',
    )!;
    expect(logs.Properties).toMatchObject({ RetentionInDays: 30 });
    expect(JSON.stringify(logs.Properties)).toContain('logskeyarn');
    expect(logs.DeletionPolicy).toBe('Retain');
    const bundle = readFileSync(
      path.join(
        outdir,
        `asset.${(notify.Properties!['Code'] as { S3Key: string }).S3Key.replace('.zip', '')}`,
        'index.js',
      ),
      'utf8',
    );
    expect(bundle).toContain('batchItemFailures');
    expect(bundle).not.toContain(outdir);
    expect(bundle).not.toContain(path.dirname(ENTRY));
    expect(bundle).toContain('// notify.ts');
  });

  it('reports a handler esbuild cannot bundle at its entry, before anything is staged', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'slipway-broken-'));
    try {
      const entry = path.join(folder, 'broken.ts');
      writeFileSync(entry, "import missing from 'no-such-package';\nexport const handler = () => missing;\n");
      const config: SlipwayConfig = { ...CONFIG, functions: { broken: { entry } } };
      expect(() => runPlan(resolveConfig(config), { outdir: path.join(folder, 'out') })).toThrow(
        /functions\.broken\.entry: esbuild could not bundle .*broken\.ts:1: Could not resolve "no-such-package"/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads the table stream the data stack publishes, with filters, partial failures and a failure queue', () => {
    const [[, mapping]] = ofType('shop-dev-functions', 'AWS::Lambda::EventSourceMapping') as [
      [string, CfnResource],
    ];
    expect(mapping.Properties).toMatchObject({
      BatchSize: 50,
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 21600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: '{"eventName":["INSERT"]}' }] },
    });
    expect(JSON.stringify(mapping.Properties?.['DestinationConfig'])).toContain('FunctionNotifyFailures');
    expect(template('shop-dev-functions').Parameters).toMatchObject({
      [Object.keys(template('shop-dev-functions').Parameters ?? {}).find((p) => p.includes('streamarn'))!]: {
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: '/shop/dev/data/tables/orders/stream-arn',
      },
    });
    const published = ofType('shop-dev-data', 'AWS::SSM::Parameter').map(([, r]) => r.Properties?.['Name']);
    expect(published).toContain('/shop/dev/data/tables/orders/stream-arn');
    expect(published).not.toContain('/shop/dev/data/tables/audit/stream-arn');
    // Called by nothing Slipway makes: failed asynchronous calls go to its queue.
    const [[, invoke]] = ofType('shop-dev-functions', 'AWS::Lambda::EventInvokeConfig') as [
      [string, CfnResource],
    ];
    expect(JSON.stringify(invoke.Properties)).toContain('FunctionAuditFailures');
    for (const [id, queue] of ofType('shop-dev-functions', 'AWS::SQS::Queue')) {
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true });
      if (id.includes('Failures'))
        expect(queue.Properties).toMatchObject({ MessageRetentionPeriod: 1209600 });
    }
    const denies = ofType('shop-dev-functions', 'AWS::SQS::QueuePolicy').map(([, r]) =>
      JSON.stringify(r.Properties),
    );
    expect(denies).toHaveLength(4);
    for (const deny of denies) expect(deny).toContain('aws:SecureTransport');
  });

  it("fans a topic out to a queue of the function's own, and lets only the services that name it publish", () => {
    const [[topicId, topic]] = ofType('shop-dev-functions', 'AWS::SNS::Topic') as [[string, CfnResource]];
    expect(topicId).toBe('TopicOrderEvents');
    expect(topic.Properties).toMatchObject({ TopicName: 'shop-dev-order-events' });
    expect(JSON.stringify(topic.Properties?.['KmsMasterKeyId'])).toContain('datakeyarn');
    const [[, subscription]] = ofType('shop-dev-functions', 'AWS::SNS::Subscription') as [
      [string, CfnResource],
    ];
    expect(subscription.Properties).toMatchObject({ Protocol: 'sqs', RawMessageDelivery: true });
    expect(JSON.stringify(subscription.Properties?.['Endpoint'])).toContain('FunctionShipInbox');
    const [, inbox] = ofType('shop-dev-functions', 'AWS::SQS::Queue').find(([id]) =>
      id.startsWith('FunctionShipInbox'),
    )!;
    expect(inbox.Properties).toMatchObject({ VisibilityTimeout: 180, RedrivePolicy: { maxReceiveCount: 5 } });
    expect(JSON.stringify(inbox.Properties?.['RedrivePolicy'])).toContain('FunctionShipFailures');
    const [, mapping] = ofType('shop-dev-functions', 'AWS::Lambda::EventSourceMapping').find(([id]) =>
      id.startsWith('FunctionShip'),
    )!;
    expect(mapping.Properties).toMatchObject({
      BatchSize: 50,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"kind":["paid"]}}' }] },
    });

    const arn = 'arn:aws:sns:us-east-1:111111111111:shop-dev-order-events';
    const apiVariables = (
      ofType('shop-dev-api', 'AWS::ECS::TaskDefinition')[0]![1].Properties?.['ContainerDefinitions'] as {
        Environment: { Name: string; Value: unknown }[];
      }[]
    )[0]!.Environment;
    expect(apiVariables).toContainEqual({ Name: 'TOPIC_ORDER_EVENTS', Value: arn });
    const api = policyOf('shop-dev-api', 'TaskDefinitionTaskRole');
    expect(api.find((s) => s['Sid'] === 'PublishToDeclaredTopics')).toMatchObject({
      Action: 'sns:Publish',
      Resource: arn,
    });
    expect(JSON.stringify(api)).toContain('sns.us-east-1.amazonaws.com');
    expect(JSON.stringify(policyOf('shop-dev-worker', 'TaskDefinitionTaskRole'))).not.toContain('sns:');
    expect(
      ofType('shop-prod-functions', 'AWS::SNS::Topic')[0]![1].Properties?.['KmsMasterKeyId'],
    ).toBeUndefined();
  });

  it('gives each function a role of its own: its logs, its tables, its stream, no managed policies', () => {
    for (const [, role] of ofType('shop-dev-functions', 'AWS::IAM::Role')) {
      expect(role.Properties?.['ManagedPolicyArns']).toBeUndefined();
    }
    const notify = policyOf('shop-dev-functions', 'FunctionNotifyRole');
    expect(notify.map((s) => s['Sid'])).toEqual(
      expect.arrayContaining(['WriteOwnLogs', 'ReadDeclaredTables']),
    );
    expect(notify.map((s) => s['Sid'])).not.toContain('WriteDeclaredTables');
    expect(JSON.stringify(notify)).toContain('dynamodb:GetRecords');
    expect(JSON.stringify(notify)).toContain('streamarn');
    const audit = policyOf('shop-dev-functions', 'FunctionAuditRole');
    expect(audit.find((s) => s['Sid'] === 'WriteDeclaredTables')?.['Resource']).toEqual(
      'arn:aws:dynamodb:us-east-1:111111111111:table/shop-dev-audit',
    );
    expect(JSON.stringify(audit)).not.toContain('dynamodb:GetRecords');
  });

  it("alarms on errors, iterator age and the failure queue's depth, to the environment's alarm topic", () => {
    const names = ofType('shop-dev-functions', 'AWS::CloudWatch::Alarm').map(
      ([, r]) => r.Properties?.['AlarmName'],
    );
    expect(names.sort()).toEqual([
      'shop-dev-audit-errors',
      'shop-dev-audit-failures',
      'shop-dev-notify-errors',
      'shop-dev-notify-failures',
      'shop-dev-notify-iterator-age',
      'shop-dev-ship-errors',
      'shop-dev-ship-failures',
    ]);
    for (const [, alarm] of ofType('shop-dev-functions', 'AWS::CloudWatch::Alarm')) {
      expect(JSON.stringify(alarm.Properties?.['AlarmActions'])).toContain('alarmtopicarn');
    }
  });

  it('has no custom resources, no exports and no open error finding', () => {
    for (const env of ['dev', 'prod']) {
      const types = Object.values(template(`shop-${env}-functions`).Resources ?? {}).map((r) => r.Type);
      expect(
        types.filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource'),
      ).toEqual([]);
      expect(template(`shop-${env}-functions`).Outputs ?? {}).toEqual({});
    }
    const open = allFindings(plan).filter((f) => !f.acknowledged);
    const errors = open.filter((f) => f.level === 'error' || f.rule === 'Slipway-ACK1');
    expect(errors.map((f) => `${f.stack} ${f.resource} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('prices calls and GB-seconds per function and the failure queues’ requests from the usage model', () => {
    const dev = plan.environments.find((e) => e.name === 'dev')!;
    const lambda = dev.costItems.filter((item) => item.type === 'AWS::Lambda::Function');
    // 1 M calls × $0.20 + 1 M × 0.2 s × 0.25 GB = 50,000 GB-s × $0.0000133334 (arm64).
    expect(lambda.find((l) => l.resource.startsWith('FunctionNotify'))!.usd).toBeCloseTo(0.2 + 0.66667, 4);
    // 512 MB: twice the GB-seconds.
    expect(lambda.find((l) => l.resource.startsWith('FunctionAudit'))!.usd).toBeCloseTo(0.2 + 1.33334, 4);
    expect(lambda[0]!.basis).toContain('GB-s');
    const queues = dev.costItems.filter((item) => item.type === 'AWS::SQS::Queue');
    // Two failure queues, ship's inbox and its failure queue.
    expect(queues.map((q) => q.usd)).toEqual([0.4, 0.4, 0.4, 0.4]);
    expect(dev.unpriced.filter((u) => u.resource?.includes('functions'))).toEqual([]);
    expect(lambda[0]!.basis).toContain('unverified');
    const topics = dev.costItems.filter((item) => item.type === 'AWS::SNS::Topic');
    expect(topics.map((t) => [t.resource, t.usd])).toEqual([['TopicOrderEvents', 0.5]]);
    // The runtime stack's alarm topic has no subscriber in its template and no line.
    expect(
      dev.costItems.filter((item) => item.stack === 'shop-dev-runtime' && item.type === 'AWS::SNS::Topic'),
    ).toEqual([]);
    expect(queues[0]!.basis).toContain('unverified');
  });

  it('passes cfn-lint with zero errors', () => {
    const files = plan.environments.flatMap((e) => e.stacks.map((s) => s.template));
    expect(lintTemplates(files).errors).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
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
 * `jobs` is read by `work` (a 60-second timeout) and sent to by `api`; `audit-log` has no reader
 * and its own retention and receive count. Dev on the environment's own keys (its table makes the
 * data stack that holds the data key), prod on AWS's in another region.
 */
const CONFIG: SlipwayConfig = {
  app: 'shop',
  github: { repository: 'acme/shop' },
  tables: { orders: { partitionKey: { name: 'pk' } } },
  queues: { jobs: {}, 'audit-log': { retentionDays: 14, maxReceiveCount: 3 } },
  functions: {
    work: {
      entry: ENTRY,
      timeoutSeconds: 60,
      events: { queue: 'jobs', batchSize: 25, filters: [{ body: { kind: ['resize'] } }] },
    },
  },
  services: {
    api: { port: 8080, queues: ['jobs', 'audit-log'] },
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

describe('queues', () => {
  let plan: PlanOutcome;
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-queues-'));
    plan = runPlan(resolveConfig(CONFIG), { outdir });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const { template, ofType } = plannedStacks(() => plan);
  const resource = (stack: string, id: string): CfnResource => {
    const found = template(stack).Resources?.[id];
    if (found === undefined) throw new Error(`no ${id} in ${stack}`);
    return found;
  };
  const policyOf = (stack: string, prefix: string) =>
    ofType(stack, 'AWS::IAM::Policy')
      .filter(([id]) => id.startsWith(prefix))
      .flatMap(
        ([, r]) => (r.Properties?.['PolicyDocument'] as { Statement: Record<string, unknown>[] }).Statement,
      );

  it('makes each queue under its fixed name with a dead-letter queue of its own, in the functions stack', () => {
    expect(resource('shop-dev-functions', 'QueueJobs').Properties).toMatchObject({
      QueueName: 'shop-dev-jobs',
      // Six times work's 60-second timeout.
      VisibilityTimeout: 360,
      MessageRetentionPeriod: 4 * 86_400,
      RedrivePolicy: {
        maxReceiveCount: 5,
        deadLetterTargetArn: { 'Fn::GetAtt': ['QueueJobsDeadLetters', 'Arn'] },
      },
    });
    expect(resource('shop-dev-functions', 'QueueJobsDeadLetters').Properties).toMatchObject({
      QueueName: 'shop-dev-jobs-dead-letters',
      MessageRetentionPeriod: 14 * 86_400,
    });
    // No reader: SQS's own visibility; the config's retention and receive count.
    expect(resource('shop-dev-functions', 'QueueAuditLog').Properties).toMatchObject({
      QueueName: 'shop-dev-audit-log',
      VisibilityTimeout: 30,
      MessageRetentionPeriod: 14 * 86_400,
      RedrivePolicy: { maxReceiveCount: 3 },
    });
  });

  it("encrypts with the environment's data key when it has one, by SQS otherwise, and takes HTTPS only", () => {
    for (const id of ['QueueJobs', 'QueueJobsDeadLetters']) {
      const properties = resource('shop-dev-functions', id).Properties;
      expect(JSON.stringify(properties?.['KmsMasterKeyId'])).toContain('datakeyarn');
      expect(properties?.['SqsManagedSseEnabled']).toBeUndefined();
      expect(resource('shop-prod-functions', id).Properties).toMatchObject({ SqsManagedSseEnabled: true });
    }
    const policies = ofType('shop-dev-functions', 'AWS::SQS::QueuePolicy').map(([, r]) =>
      JSON.stringify(r.Properties),
    );
    expect(policies).toHaveLength(4);
    for (const policy of policies) expect(policy).toContain('aws:SecureTransport');
  });

  it('calls its one reader with partial batch failures and filters, and gives that reader no failure queue besides', () => {
    const mappings = ofType('shop-dev-functions', 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['QueueJobs', 'Arn'] },
      BatchSize: 25,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"kind":["resize"]}}' }] },
    });
    const queueIds = ofType('shop-dev-functions', 'AWS::SQS::Queue').map(([id]) => id);
    expect(queueIds.sort()).toEqual([
      'QueueAuditLog',
      'QueueAuditLogDeadLetters',
      'QueueJobs',
      'QueueJobsDeadLetters',
    ]);
    const work = JSON.stringify(policyOf('shop-dev-functions', 'FunctionWorkRole'));
    expect(work).toContain('sqs:ReceiveMessage');
    expect(work).toContain('sqs:DeleteMessage');
    expect(work).toContain('kms:Decrypt');
    expect(work).not.toContain('QueueAuditLog');
  });

  it("alarms on each dead-letter queue's depth and the reader's errors, to the environment's alarm topic", () => {
    const alarms = ofType('shop-dev-functions', 'AWS::CloudWatch::Alarm');
    expect(alarms.map(([, r]) => r.Properties?.['AlarmName']).sort()).toEqual([
      'shop-dev-audit-log-dead-letters',
      'shop-dev-jobs-dead-letters',
      'shop-dev-work-errors',
    ]);
    for (const [, alarm] of alarms) {
      expect(JSON.stringify(alarm.Properties?.['AlarmActions'])).toContain('alarmtopicarn');
    }
    const [, jobs] = alarms.find(([, r]) => r.Properties?.['AlarmName'] === 'shop-dev-jobs-dead-letters')!;
    expect(jobs.Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    expect(JSON.stringify(jobs.Properties?.['Dimensions'])).toContain('QueueJobsDeadLetters');
  });

  it('gives the services that name a queue its URL and lets them send to it, and nothing else', () => {
    const variables = (stack: string) =>
      (
        ofType(stack, 'AWS::ECS::TaskDefinition')[0]![1].Properties?.['ContainerDefinitions'] as {
          Environment: { Name: string; Value: unknown }[];
        }[]
      )[0]!.Environment;
    expect(variables('shop-dev-api')).toEqual(
      expect.arrayContaining([
        { Name: 'QUEUE_JOBS', Value: 'https://sqs.us-east-1.amazonaws.com/111111111111/shop-dev-jobs' },
        {
          Name: 'QUEUE_AUDIT_LOG',
          Value: 'https://sqs.us-east-1.amazonaws.com/111111111111/shop-dev-audit-log',
        },
      ]),
    );
    expect(variables('shop-prod-api')).toContainEqual({
      Name: 'QUEUE_JOBS',
      Value: 'https://sqs.eu-west-1.amazonaws.com/222222222222/shop-prod-jobs',
    });
    const api = policyOf('shop-dev-api', 'TaskDefinitionTaskRole');
    expect(api.find((s) => s['Sid'] === 'SendToDeclaredQueues')).toMatchObject({
      Action: 'sqs:SendMessage',
      Resource: expect.arrayContaining([
        'arn:aws:sqs:us-east-1:111111111111:shop-dev-jobs',
        'arn:aws:sqs:us-east-1:111111111111:shop-dev-audit-log',
      ]),
    });
    expect(api.find((s) => s['Sid'] === 'UseDataKeyThroughSqs')).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: { StringEquals: { 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } },
    });
    expect(JSON.stringify(policyOf('shop-prod-api', 'TaskDefinitionTaskRole'))).not.toContain('kms:');
    expect(JSON.stringify(policyOf('shop-dev-worker', 'TaskDefinitionTaskRole'))).not.toContain('sqs:');
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
    // Nor a warning on the queues or their reader.
    expect(
      open
        .filter((f) => f.stack.endsWith('-functions'))
        .map((f) => `${f.stack} ${f.resource} ${f.rule}: ${f.message}`),
    ).toEqual([]);
  });

  it('prices the requests of each queue and its dead-letter queue from the usage model', () => {
    const dev = plan.environments.find((e) => e.name === 'dev')!;
    const queues = dev.costItems.filter((item) => item.type === 'AWS::SQS::Queue');
    expect(queues.map((q) => [q.resource, q.usd]).sort()).toEqual([
      ['QueueAuditLog', 0.4],
      ['QueueAuditLogDeadLetters', 0.4],
      ['QueueJobs', 0.4],
      ['QueueJobsDeadLetters', 0.4],
    ]);
    expect(dev.unpriced.filter((u) => u.resource?.includes('functions'))).toEqual([]);
  });

  it('gives a queue-only environment on its own keys a data stack that holds the data key', () => {
    const config: SlipwayConfig = { ...CONFIG };
    delete config.tables;
    delete config.functions;
    const folder = mkdtempSync(path.join(tmpdir(), 'slipway-queues-only-'));
    try {
      const only = runPlan(resolveConfig(config), { outdir: folder });
      const dev = only.environments.find((e) => e.name === 'dev')!;
      expect(dev.stacks.map((s) => s.name)).toEqual([
        'shop-dev-network',
        'shop-dev-data',
        'shop-dev-runtime',
        'shop-dev-functions',
        'shop-dev-api',
        'shop-dev-worker',
        'shop-dev-monitoring',
      ]);
      const prod = only.environments.find((e) => e.name === 'prod')!;
      expect(prod.stacks.map((s) => s.name)).not.toContain('shop-prod-data');
      const open = allFindings(only).filter((f) => !f.acknowledged && f.level === 'error');
      expect(open.map((f) => `${f.stack} ${f.resource} ${f.rule}`)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('passes cfn-lint with zero errors', () => {
    const files = plan.environments.flatMap((e) => e.stacks.map((s) => s.template));
    expect(lintTemplates(files).errors).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import type { CfnResource } from '../../src/template/types.js';
import { stack, usage } from './fixtures.js';

function fn(memorySize: number, architecture?: 'arm64' | 'x86_64'): CfnResource {
  return {
    Type: 'AWS::Lambda::Function',
    Properties: { MemorySize: memorySize, ...(architecture ? { Architectures: [architecture] } : {}) },
  };
}

const queue: CfnResource = { Type: 'AWS::SQS::Queue', Properties: {} };
const mapping: CfnResource = {
  Type: 'AWS::Lambda::EventSourceMapping',
  Properties: { DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Failures', 'Arn'] } } } },
};

describe('Lambda functions and their queues', () => {
  it('prices calls and GB-seconds at the architecture’s rate, 1 M calls of 200 ms by default', () => {
    const [arm, x86] = estimateCost([stack('app-dev-functions', { Arm: fn(256, 'arm64'), X86: fn(1024) })], {
      region: 'us-east-1',
      usage: usage(),
    });
    // 1 M × $0.20 + 1e6 × 0.2 s × 0.25 GB = 50,000 GB-s × $0.0000133334.
    expect(arm?.usd).toBeCloseTo(0.2 + 0.66667, 5);
    // No Architectures means x86_64: 200,000 GB-s × $0.0000166667.
    expect(x86?.usd).toBeCloseTo(0.2 + 3.33334, 5);
    expect(x86?.basis).toMatch(/^1 M calls × \$0\.2 .*200000 GB-s \(200 ms × 1024 MB, x86_64\)/);
  });

  it('follows the usage model', () => {
    const [line] = estimateCost([stack('app-dev-functions', { Fn: fn(512, 'arm64') })], {
      region: 'us-east-1',
      usage: usage({ functionCallMillionsPerMonth: 10, functionAverageMs: 50 }),
    });
    // 10 × $0.20 + 1e7 × 0.05 s × 0.5 GB = 250,000 GB-s × $0.0000133334.
    expect(line?.usd).toBeCloseTo(2 + 3.33335, 5);
  });

  it("prices a queue a function sends failures to, and leaves other queues (Karpenter's) without a line", () => {
    const lines = estimateCost(
      [
        stack('app-dev-functions', { Failures: queue, Mapping: mapping }),
        stack('app-dev-cluster', { Interruptions: queue }),
      ],
      { region: 'us-east-1', usage: usage({ queueRequestMillionsPerMonth: 3 }) },
    );
    expect(lines.map((l) => [l.resource, l.usd])).toEqual([['Failures', 3 * 0.4]]);
  });

  it('prices publishes to a topic something subscribes to, and leaves the alarm topic without a line', () => {
    const topic: CfnResource = { Type: 'AWS::SNS::Topic', Properties: {} };
    const subscription: CfnResource = {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'Events' }, Protocol: 'sqs' },
    };
    const lines = estimateCost(
      [
        stack('app-dev-functions', { Events: topic, Sub: subscription }),
        stack('app-dev-runtime', { AlarmTopic: topic }),
      ],
      { region: 'us-east-1', usage: usage({ topicPublishMillionsPerMonth: 2 }) },
    );
    expect(lines.map((l) => [l.resource, l.usd])).toEqual([['Events', 2 * 0.5]]);
  });
});

import { describe, expect, it } from 'vitest';
import { lambdaFailureDestination } from '../../../src/checks/rules/lambda/failure-destination.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

const FN: CfnResource = { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs24.x' } };
const FAILURES: CfnResource = { Type: 'AWS::SQS::Queue', Properties: {} };

function mapping(properties: Record<string, unknown>): CfnResource {
  return {
    Type: 'AWS::Lambda::EventSourceMapping',
    Properties: { FunctionName: { Ref: 'Fn' }, ...properties },
  };
}

describe('Slipway-LAM1 a failure destination for what a function cannot process', () => {
  it('accepts a stream source with an on-failure destination and rejects one without', () => {
    const stream = { Ref: 'StreamArnParameter' };
    const kept = mapping({
      EventSourceArn: stream,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Failures', 'Arn'] } } },
    });
    expect(checkRule(lambdaFailureDestination, kept, { others: { Fn: FN, Failures: FAILURES } })).toBe(
      'compliant',
    );
    expect(
      checkRule(lambdaFailureDestination, mapping({ EventSourceArn: stream }), { others: { Fn: FN } }),
    ).toEqual({
      detail: 'the stream source has no DestinationConfig.OnFailure: records it gives up on are lost',
    });
  });

  it("judges a queue source by its queue's redrive policy", () => {
    const source = mapping({ EventSourceArn: { 'Fn::GetAtt': ['Inbox', 'Arn'] } });
    const redriven: CfnResource = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Failures', 'Arn'] }, maxReceiveCount: 5 },
      },
    };
    expect(checkRule(lambdaFailureDestination, source, { others: { Fn: FN, Inbox: redriven } })).toBe(
      'compliant',
    );
    expect(checkRule(lambdaFailureDestination, source, { others: { Fn: FN, Inbox: FAILURES } })).toEqual({
      detail: 'its queue Inbox has no RedrivePolicy (dead-letter queue)',
    });
  });

  it('asks a function nothing calls for an asynchronous failure destination or a dead-letter queue', () => {
    expect(checkRule(lambdaFailureDestination, FN)).not.toBe('compliant');
    const invokeConfig: CfnResource = {
      Type: 'AWS::Lambda::EventInvokeConfig',
      Properties: {
        FunctionName: { Ref: 'Subject' },
        Qualifier: '$LATEST',
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Failures', 'Arn'] } } },
      },
    };
    expect(checkRule(lambdaFailureDestination, FN, { others: { Config: invokeConfig } })).toBe('compliant');
    const withDlq: CfnResource = {
      ...FN,
      Properties: { DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:1:q' } },
    };
    expect(checkRule(lambdaFailureDestination, withDlq)).toBe('compliant');
    // A function an event source calls is judged through that source.
    const called = mapping({ FunctionName: { Ref: 'Subject' }, EventSourceArn: { Ref: 'Stream' } });
    expect(checkRule(lambdaFailureDestination, FN, { others: { Source: called } })).toBe('not-applicable');
  });

  it('is an error in production and a warning elsewhere, and leaves other types alone', () => {
    expect(lambdaFailureDestination.level).toBe('error');
    expect(lambdaFailureDestination.nonProductionLevel).toBe('warning');
    expect(checkRule(lambdaFailureDestination, FAILURES)).toBe('not-applicable');
  });
});

import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT_METADATA, acknowledge } from '../../src/checks/acknowledge.js';
import { AcknowledgementError } from '../../src/checks/acknowledgement-error.js';
import { acknowledgementProblems } from '../../src/checks/acknowledgement-rules.js';

const reason = 'The bucket only holds access logs, which are never read back.';

describe('acknowledgementProblems (config)', () => {
  it('accepts an IAM5 finding on one resource', () => {
    const problems = acknowledgementProblems([
      { rule: 'AwsSolutions-IAM5[Resource::*]', stack: 'shop-ci', resource: 'PushRolePolicy', reason },
      {
        rule: 'AwsSolutions-IAM5[Action::s3:*]',
        resource: 'shop-ci/PushRole/DefaultPolicy/Resource',
        reason,
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('rejects IAM5 for a whole stack, naming the field and the fix', () => {
    const problems = acknowledgementProblems([
      { rule: 'AwsSolutions-IAM5[Resource::*]', stack: 'shop-ci', reason },
    ]);
    expect(problems).toEqual([
      {
        path: 'acknowledgements[0].resource',
        problem: expect.stringContaining('never per stack'),
        fix: expect.stringContaining('set resource'),
      },
    ]);
  });

  it('rejects a bare IAM5 that would cover every finding', () => {
    const problems = acknowledgementProblems([
      { rule: 'AwsSolutions-IAM5', stack: 'shop-ci', resource: 'Policy', reason },
    ]);
    expect(problems.map((problem) => problem.path)).toEqual(['acknowledgements[0].rule']);
  });

  it('rejects an IAM5 logical id without a stack, since logical ids recur across stacks', () => {
    const problems = acknowledgementProblems([
      { rule: 'AwsSolutions-IAM5[Resource::*]', resource: 'TaskPolicy', reason },
    ]);
    expect(problems.map((problem) => problem.path)).toEqual(['acknowledgements[0].stack']);
  });

  it('rejects an empty reason and a malformed rule', () => {
    const problems = acknowledgementProblems([{ rule: 'AwsSolutions::AwsSolutions-S1', reason: '  ' }]);
    expect(problems.map((problem) => problem.path)).toEqual([
      'acknowledgements[0].rule',
      'acknowledgements[0].reason',
    ]);
  });
});

describe('acknowledge()', () => {
  it('records the rule and reason on the construct', () => {
    const stack = new Stack(new App(), 'shop-dev-data');
    const bucket = new Construct(stack, 'Bucket');
    acknowledge(bucket, 'AwsSolutions-S1', reason);
    expect(bucket.node.metadata.find((entry) => entry.type === ACKNOWLEDGEMENT_METADATA)?.data).toEqual({
      rule: 'AwsSolutions-S1',
      reason,
    });
  });

  it('rejects IAM5 on a whole stack', () => {
    const stack = new Stack(new App(), 'shop-ci');
    expect(() => acknowledge(stack, 'AwsSolutions-IAM5[Resource::*]', reason)).toThrow(AcknowledgementError);
    expect(() => acknowledge(stack, 'AwsSolutions-IAM5[Resource::*]', reason)).toThrow(
      /acknowledge\(\) on shop-ci: .*never per stack\. Fix: call acknowledge\(\) on the construct that owns the policy/,
    );
  });

  it('rejects an empty reason', () => {
    const stack = new Stack(new App(), 'shop-ci');
    expect(() => acknowledge(new Construct(stack, 'Role'), 'AwsSolutions-IAM4', '')).toThrow(
      /the reason is empty/,
    );
  });
});

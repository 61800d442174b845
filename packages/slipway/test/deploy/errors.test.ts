import { describe, expect, it } from 'vitest';
import {
  NotBootstrappedError,
  StackFailedError,
  type StackFailure,
  TerminationProtectedError,
} from '../../src/deploy/errors.js';

const failure = (overrides: Partial<StackFailure> = {}): StackFailure => ({
  stack: 'shop-dev-web',
  status: 'UPDATE_ROLLBACK_COMPLETE',
  resources: [
    {
      logicalId: 'Service',
      type: 'AWS::ECS::Service',
      status: 'UPDATE_FAILED',
      reason: 'Resource handler returned message: "Invalid request"',
    },
    {
      logicalId: 'TaskDefinition',
      type: 'AWS::ECS::TaskDefinition',
      status: 'UPDATE_FAILED',
      reason: 'Resource update cancelled',
    },
  ],
  detail: 'shop-dev-web failed',
  completed: ['shop-dev-network', 'shop-dev-data'],
  notAttempted: ['shop-dev-api'],
  retryCommand: 'slipway deploy --env dev',
  action: 'deploy',
  ...overrides,
});

describe('failure messages', () => {
  it('name the failed resource and reason, what stays, what was not tried, and how to retry or roll back', () => {
    const error = new StackFailedError(failure());
    expect(error.exitCode).toBe(4);
    expect(error.message.split('\n')).toEqual([
      'shop-dev-web failed to deploy (UPDATE_ROLLBACK_COMPLETE).',
      '  Service (AWS::ECS::Service) UPDATE_FAILED: Resource handler returned message: "Invalid request"',
      'Stacks finished before it stay as they are: shop-dev-network, shop-dev-data.',
      'Not attempted: shop-dev-api.',
      'Next: CloudFormation rolled shop-dev-web back to its previous version. Fix the cause above and run `slipway deploy --env dev` again. ' +
        'To roll back the stacks finished before it as well, deploy the previous config (check out the last release and deploy it).',
    ]);
  });

  it('explain a failed create and a failed rollback differently', () => {
    expect(new StackFailedError(failure({ status: 'ROLLBACK_COMPLETE' })).message).toContain(
      'the stack was never created and CloudFormation removed what it had made',
    );
    expect(new StackFailedError(failure({ status: 'UPDATE_ROLLBACK_FAILED' })).message).toContain(
      'aws cloudformation continue-update-rollback --stack-name shop-dev-web',
    );
  });

  it('fall back to the toolkit message when no resource event said why', () => {
    const error = new StackFailedError(
      failure({ resources: [], status: undefined, detail: 'Throttling: Rate exceeded' }),
    );
    expect(error.message).toContain('shop-dev-web failed to deploy.\n  Throttling: Rate exceeded');
  });

  it('refuse protected stacks with the command that lifts the protection', () => {
    const error = new TerminationProtectedError(['shop-prod-data', 'shop-prod-network']);
    expect(error.message).toContain(
      'Refusing to destroy shop-prod-data, shop-prod-network: they have termination protection',
    );
    expect(error.message).toContain('--no-enable-termination-protection --stack-name shop-prod-data');
    expect(error.exitCode).toBe(1);
  });

  it('give the bootstrap command, trusting the CI account', () => {
    expect(new NotBootstrappedError('222222222222', 'af-south-1', '111111111111').message).toContain(
      'npx cdk bootstrap aws://222222222222/af-south-1 --trust 111111111111',
    );
  });
});

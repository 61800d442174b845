import { describe, expect, it } from 'vitest';
import type { PlannedStack } from '../../src/deploy/assembly.js';
import { StackFailedError, StatefulChangeRefusedError } from '../../src/deploy/errors.js';
import type { Settled } from '../../src/deploy/run-bounded.js';
import type { Session } from '../../src/deploy/session.js';
import { StackRunFailure, throwFirstFailure } from '../../src/deploy/step-failure.js';

const stack = (name: string, kind: PlannedStack['kind'] = 'service') =>
  ({ name, kind, account: '111111111111', region: 'us-east-1' }) as PlannedStack;

/**
 * Just enough session for a failure report: no resource events were seen, and the stack's status
 * read goes to a closed port (the report goes without it).
 */
const session = {
  io: { takeFailures: () => [], takeLastError: () => undefined },
  connection: { target: 'local', endpoint: 'http://127.0.0.1:9' },
  model: { ci: { account: '111111111111' } },
} as unknown as Session;

describe('throwFirstFailure', () => {
  const step = ['web', 'api', 'admin', 'queue'].map((n) => stack(`fleet-dev-${n}`));
  const later = [stack('fleet-dev-monitoring', 'monitoring')];
  const context = {
    completed: () => ['fleet-dev-network', 'fleet-dev-runtime', 'fleet-dev-web'],
    later,
    retryCommand: 'slipway deploy --env dev',
    action: 'deploy' as const,
  };

  it('reports the first failed stack in plan order with the others that failed, finished and never started', async () => {
    const settled: Settled<unknown>[] = [
      { state: 'done', value: undefined },
      { state: 'failed', error: new StackRunFailure(new Error('api: resource failed')) },
      { state: 'failed', error: new StackRunFailure(new Error('admin: resource failed')) },
      { state: 'not-started' },
    ];
    const error = await throwFirstFailure(session, step, settled, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackFailedError);
    const failure = (error as StackFailedError).failure;
    expect(failure.stack).toBe('fleet-dev-api');
    expect(failure.detail).toBe('api: resource failed');
    expect(failure.alsoFailed).toEqual(['fleet-dev-admin']);
    expect(failure.completed).toEqual(context.completed());
    expect(failure.notAttempted).toEqual(['fleet-dev-queue', 'fleet-dev-monitoring']);
    expect((error as Error).message).toContain('Also failed: fleet-dev-admin.');
    expect((error as Error).message).toContain('Not attempted: fleet-dev-queue, fleet-dev-monitoring.');
  });

  it('throws a refusal found before a stack went as it is, and nothing when every stack finished', async () => {
    const refusal = new StatefulChangeRefusedError('fleet-dev-api would replace its table');
    const settled: Settled<unknown>[] = [
      { state: 'failed', error: refusal },
      { state: 'not-started' },
      { state: 'not-started' },
      { state: 'not-started' },
    ];
    await expect(throwFirstFailure(session, step, settled, context)).rejects.toBe(refusal);
    const done = step.map((): Settled<unknown> => ({ state: 'done', value: undefined }));
    await expect(throwFirstFailure(session, step, done, context)).resolves.toBeUndefined();
  });
});

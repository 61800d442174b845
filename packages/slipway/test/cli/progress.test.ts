import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';
import type { PlanStep } from '../../src/plan/run-plan.js';

function lineFor(step: PlanStep): string {
  const stream = new PassThrough();
  progressReporter(stream)(step);
  return String(stream.read());
}

describe('progressReporter', () => {
  it('names the Control Tower controls when the pack runs', () => {
    expect(lineFor({ kind: 'checks', controlTower: true })).toContain(
      'cdk-nag AwsSolutions + Slipway rules + AWS Control Tower controls',
    );
  });

  it('names only cdk-nag and Slipway rules when the pack is off', () => {
    const line = lineFor({ kind: 'checks', controlTower: false });
    expect(line).toContain('cdk-nag AwsSolutions + Slipway rules');
    expect(line).not.toContain('Control Tower');
  });
});

import pc from 'picocolors';
import type { PlanStep } from '../plan/run-plan.js';
import { plural } from './render/format.js';

/**
 * Progress for long work, on stderr so `--json` output on stdout stays one clean document.
 * Each step prints when it starts; the last line says how long the whole plan took.
 */
export function progressReporter(stream: NodeJS.WritableStream = process.stderr): (step: PlanStep) => void {
  return (step) => {
    stream.write(`${describe(step)}\n`);
  };
}

function describe(step: PlanStep): string {
  switch (step.kind) {
    case 'synth':
      return pc.dim(`▸ synthesizing ${plural(step.stacks, 'stack')}…`);
    case 'checks':
      return pc.dim(
        step.controlTower
          ? '▸ running security checks (cdk-nag AwsSolutions + Slipway rules + AWS Control Tower controls)…'
          : '▸ running security checks (cdk-nag AwsSolutions + Slipway rules)…',
      );
    case 'cost':
      return pc.dim('▸ pricing the templates…');
    case 'done':
      return pc.dim(`▸ done in ${step.seconds.toFixed(1)} s`);
  }
}

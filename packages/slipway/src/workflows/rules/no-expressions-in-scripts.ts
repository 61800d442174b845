import { jobsOf, stepsOf } from './support.js';
import type { WorkflowRule } from './types.js';

const EXPRESSION = /\$\{\{([^}]*)\}\}/g;

/**
 * SECURITY.md 17: an expression inside `run:` is pasted into the script before the shell sees it,
 * so a branch name or commit message like `$(curl …)` would run. Slipway's workflows pass every
 * value through `env:` and read it as "$VAR"; the rule allows no expression in scripts at all,
 * which also covers values that are only indirectly untrusted (step outputs, inputs).
 */
export const noExpressionsInScripts: WorkflowRule = {
  id: 'Slipway-GHA5',
  description:
    'No expression (dollar sign, double braces) appears inside a run: script; values come in through env:.',
  check(file) {
    return jobsOf(file.workflow).flatMap(([id, job]) =>
      stepsOf(job).flatMap((step) =>
        [...(step.run ?? '').matchAll(EXPRESSION)].map((match) => ({
          job: id,
          message: `step '${step.name ?? step.id ?? '(unnamed)'}' puts \${{${match[1]}}} inside its script`,
          fix: `set it in the step's env: (e.g. VALUE: \${{${match[1]}}}) and use "$VALUE" in the script`,
        })),
      ),
    );
  },
};

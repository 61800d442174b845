import { createRequire } from 'node:module';
import type * as CdkNag from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { FindingLevel } from './finding.js';
import type { ConstructIndex } from './construct-index.js';
import type { LocatedFinding } from './located-finding.js';

/**
 * cdk-nag loads most of aws-cdk-lib's service modules (~0.7 s), so it is required on first use:
 * commands that never check (cost, diff, deploy) do not pay for it.
 */
let cdkNag: typeof CdkNag | undefined;
function loadCdkNag(): typeof CdkNag {
  cdkNag ??= createRequire(import.meta.url)('cdk-nag') as typeof CdkNag;
  return cdkNag;
}

/** cdk-nag reports `error` and `warning`; anything else a future pack invents is shown as info. */
function levelOf(severity: string | undefined): FindingLevel {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  return 'info';
}

/**
 * Runs the AwsSolutions pack over the construct tree, after synth so aspects have run. Nothing in
 * the tree is acknowledged the cdk-nag way, so the pack reports every finding and Slipway applies
 * acknowledgements itself, keeping each one in the plan with its reason.
 */
export function runAwsSolutions(root: IConstruct, index: ConstructIndex): LocatedFinding[] {
  const report = new (loadCdkNag().AwsSolutionsChecks)().validateScope(root);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource): LocatedFinding => {
      const path = resource.constructPath ?? '';
      const location = index.locations.get(path);
      return {
        rule: violation.ruleName,
        level: levelOf(violation.severity),
        stack: location?.stack ?? path.split('/')[0] ?? '',
        logicalId: location?.logicalId,
        path,
        message: violation.description,
      };
    }),
  );
}

import path from 'node:path';
import { type PlannedStack, type SynthesizedApp, synthesizeApp } from '../deploy/assembly.js';
import { withEndpoint } from '../deploy/connection.js';
import { refuseOpenFindings } from '../deploy/findings-gate.js';
import type { Session } from '../deploy/session.js';
import { type ProvisionOutcome, runProvisioner } from '../provision/run-provisioner.js';
import { buildPreviewApp } from '../stacks/build-app.js';
import type { PreviewPlan } from './preview-plan.js';

/**
 * Synthesizes the preview's one stack, hands it to `work`, and disposes the assembly after. With
 * `refuseFindingsFor` (the command to run again), the security checks run on the same synth and an
 * unacknowledged error finding stops the work before anything is created, as for `slipway deploy`.
 */
export async function withPreviewStack<T>(
  session: Session,
  plan: PreviewPlan,
  work: (assembly: SynthesizedApp['assembly'], stack: PlannedStack) => Promise<T>,
  refuseFindingsFor?: string,
): Promise<T> {
  const outdir = path.join(session.stateDir, 'assembly', `preview-${plan.slug}`);
  const app = await withEndpoint(session.connection, () =>
    synthesizeApp(session.toolkit, session.model, outdir, {
      build: (m, o) => buildPreviewApp(m, plan, o),
      checks: refuseFindingsFor !== undefined,
    }),
  );
  try {
    const stack = app.stacks[0];
    if (!stack) throw new Error('the preview app has no stack');
    if (refuseFindingsFor !== undefined) refuseOpenFindings(app.findings, app.stacks, refuseFindingsFor);
    return await work(app.assembly, stack);
  } finally {
    await app.assembly.dispose();
  }
}

/** The preview's own databases and roles, ensured or dropped by the copied environment's provisioner. */
export function provisionPreview(
  session: Session,
  plan: PreviewPlan,
  action: 'ensure' | 'drop',
): Promise<ProvisionOutcome[]> {
  return runProvisioner(
    session,
    plan.databases.map((d) => ({ action, database: d.name, ...d })),
  );
}

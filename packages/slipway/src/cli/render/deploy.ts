import pc from 'picocolors';
import type { DeployResult } from '../../deploy/index.js';
import { renderTable } from './table.js';

/** A deploy's summary for the terminal: each stack's result, outputs, and what the emulator stood in for. */
export function renderDeploy(result: DeployResult): string {
  const where = result.target === 'local' ? `the local emulator (${result.endpoint})` : 'AWS';
  const lines = [pc.bold(`${result.app} ${result.environment} · deployed to ${where}`), ''];
  lines.push(
    renderTable(
      ['stack', 'result', 'time'],
      result.stacks.map((s) => [s.name, s.action, `${s.seconds.toFixed(1)} s`]),
      ['left', 'left', 'right'],
    ),
  );
  for (const name of result.skipped)
    lines.push(pc.dim(`${name}: exists, left as deployed (shared by every environment)`));
  const outputs = result.stacks.flatMap((s) =>
    Object.entries(s.outputs).map(([key, value]) => [s.name, key, value]),
  );
  if (outputs.length > 0)
    lines.push('', pc.bold('Outputs'), renderTable(['stack', 'output', 'value'], outputs));
  if (result.provisioned.length > 0) {
    lines.push('', pc.bold('Database roles'));
    for (const run of result.provisioned) {
      lines.push(
        `  ${run.databaseName}: role ${run.roleName} ${run.ran ? `ensured in ${run.seconds.toFixed(0)} s` : 'recorded (the emulator starts no task)'}`,
      );
    }
  }
  if (result.accountMappings.length > 0) {
    const mapped = result.accountMappings.map((m) => `${m.from} (${m.usedBy.join(', ')})`).join(', ');
    lines.push(
      '',
      `Accounts: the emulator has one account, so ${mapped} became ${result.accountMappings[0]?.to}.`,
    );
  }
  for (const c of result.certificateStandIns) {
    lines.push(
      '',
      `Certificates: the emulator has no ${c.configured}; a self-signed certificate for ${c.domain} stands in for it (${c.standIn}).`,
    );
  }
  if (result.emulatorLimits.length > 0) {
    lines.push('', 'The emulator records these resources but does not run them:');
    for (const limit of result.emulatorLimits) lines.push(`  - ${limit}`);
  }
  lines.push('', pc.green(`✓ ${result.stacks.length} stacks deployed.`));
  return `${lines.join('\n')}\n`;
}

import pc from 'picocolors';
import type { DeployEvent } from './deploy-events.js';

/**
 * One progress line per event, for a terminal (stderr). Resource events are indented and name their
 * stack; failures are red, finished work green, work in progress dim.
 */
export function describeEvent(event: DeployEvent): string {
  switch (event.kind) {
    case 'target':
      return pc.dim(
        `▸ target: ${event.target}${event.endpoint ? ` (${event.endpoint})` : ''}: ${event.reason}`,
      );
    case 'emulator-started':
      return pc.dim(
        `▸ started the local emulator (moto ${event.motoVersion}) on ${event.endpoint}; \`slipway local stop\` ends it`,
      );
    case 'accounts-mapped':
      return pc.dim(
        `▸ the emulator has one account: planning with ${event.mappings[0]?.to} instead of ${event.mappings
          .map((m) => `${m.from} (${m.usedBy.join(', ')})`)
          .join(', ')}`,
      );
    case 'certificate-stand-in':
      return pc.dim(
        `▸ the emulator has no ${event.standIn.configured}: a self-signed certificate for ${event.standIn.domain} stands in for it (${event.standIn.standIn})`,
      );
    case 'bootstrap':
      return pc.dim(
        `▸ bootstrapping aws://${event.account}/${event.region} in the emulator (CDK's bootstrap stack)…`,
      );
    case 'synth':
      return pc.dim(`▸ synthesized ${event.stacks} stacks`);
    case 'note':
      return pc.yellow(`! ${event.message}`);
    case 'stack-start':
      return pc.bold(
        `▸ [${event.index}/${event.total}] ${event.stack}: ${event.action === 'deploy' ? 'deploying' : 'destroying'}…`,
      );
    case 'resource':
      return resourceLine(event);
    case 'stack-done':
      return pc.green(
        `✓ ${event.stack} ${event.action === 'deploy' ? (event.unchanged ? 'unchanged' : 'deployed') : 'destroyed'} in ${event.seconds.toFixed(1)} s`,
      );
    case 'stack-skipped':
      return pc.dim(`- ${event.stack} skipped: ${event.reason}`);
  }
}

function resourceLine(event: Extract<DeployEvent, { kind: 'resource' }>): string {
  // Named by stack: service stacks deploy in parallel, so their resource lines interleave.
  const text = `    ${event.stack} ${event.status.padEnd(20)} ${event.logicalId} (${event.type})${event.reason ? `: ${event.reason}` : ''}`;
  if (event.status.endsWith('_FAILED')) return pc.red(text);
  if (event.status.endsWith('_COMPLETE')) return text;
  return pc.dim(text);
}

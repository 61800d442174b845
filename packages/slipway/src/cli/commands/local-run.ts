import pc from 'picocolors';
import { describeDelays, type EmulatorDelays } from '../../local-cloud/emulator-delays.js';
import { EMULATOR_LIMITS } from '../../local-cloud/emulator-limits.js';
import {
  localCloudStatus,
  resetLocalCloud,
  startLocalCloud,
  stopLocalCloud,
} from '../../local-cloud/launcher.js';
import { reportingErrors } from '../deploy-feedback.js';
import type { CliIo } from '../io.js';
import type { LocalOptions, StartOptions } from './local.js';

// What `slipway local start|stop|status|reset` do; loaded only when one runs.

/** `slipway local start`: starts the emulator, or reports the one already running. */
export async function runLocalStart(
  options: StartOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  await reportingErrors(io, setExit, async () => {
    const cloud = await startLocalCloud({ stateDir: options.stateDir, port: options.port });
    if (options.json) {
      const { endpoint, started, delays } = cloud;
      io.out(`${JSON.stringify({ running: true, endpoint, started, delays: delays ?? null }, null, 2)}\n`);
      return;
    }
    io.out(
      `${cloud.started ? pc.green(`✓ Local emulator started on ${cloud.endpoint}`) : `Local emulator already running on ${cloud.endpoint}`} ` +
        `(moto ${cloud.motoVersion}, pid ${cloud.pid}).\n` +
        `Deploy to it with \`slipway deploy --target local --env <env>\`; stop it with \`slipway local stop\`.\n` +
        `It records resources but runs nothing: ${EMULATOR_LIMITS.join('; ')}.\n` +
        delaysLine(cloud.delays),
    );
  });
}

/** The emulator's delays, if it was started with any, and how to change them. */
function delaysLine(delays: EmulatorDelays | undefined): string {
  const described = describeDelays(delays);
  return described === undefined
    ? ''
    : `${described} Change them with \`slipway local stop\` and a start with other SLIPWAY_EMULATOR_* values.\n`;
}

/** `slipway local stop`: stops the emulator. */
export async function runLocalStop(options: LocalOptions, io: CliIo): Promise<void> {
  const stopped = await stopLocalCloud({ stateDir: options.stateDir });
  if (options.json) io.out(`${JSON.stringify({ running: false, stopped }, null, 2)}\n`);
  else io.out(stopped ? 'Local emulator stopped.\n' : 'The local emulator was not running.\n');
}

/** `slipway local status`: whether the emulator runs, and where. */
export async function runLocalStatus(options: LocalOptions, io: CliIo): Promise<void> {
  const current = await localCloudStatus({ stateDir: options.stateDir });
  if (options.json) {
    const { running, endpoint, delays } = current;
    io.out(`${JSON.stringify({ running, endpoint: endpoint ?? null, delays: delays ?? null }, null, 2)}\n`);
  } else {
    io.out(
      current.running
        ? `Local emulator running on ${current.endpoint} (moto ${current.motoVersion}, pid ${current.pid}).\n` +
            delaysLine(current.delays)
        : 'The local emulator is not running. Start it with `slipway local start`.\n',
    );
  }
}

/** `slipway local reset`: empties the emulator without restarting it. */
export async function runLocalReset(
  options: LocalOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  await reportingErrors(io, setExit, async () => {
    await resetLocalCloud({ stateDir: options.stateDir });
    io.out(options.json ? `${JSON.stringify({ reset: true })}\n` : 'Local emulator emptied.\n');
  });
}

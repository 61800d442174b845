import { LocalCloudError } from './errors.js';

/**
 * Optional waits that make the emulator's stacks take as long as on AWS (`moto/slipway_moto/stack_delays.py`):
 * the work is done at once, but a stack is reported in progress for these seconds. Off by default;
 * read from the environment `slipway local start` or `slipway deploy --target local` starts the
 * emulator in, so they apply to an emulator started with them and stay until it stops.
 */
export const EMULATOR_DELAY_VARIABLES = {
  /** Every create or update of a stack. */
  stack: 'SLIPWAY_EMULATOR_STACK_SECONDS',
  /** Added once per stack whose operation creates or updates ECS services (they settle together). */
  service: 'SLIPWAY_EMULATOR_SERVICE_SECONDS',
  /** Added when one of those services deploys with ECS's CANARY strategy. */
  canaryBake: 'SLIPWAY_EMULATOR_CANARY_BAKE_SECONDS',
} as const;

export type EmulatorDelays = { readonly [K in keyof typeof EMULATOR_DELAY_VARIABLES]: number };

/** The delays set in `env` (0 when unset); a value that is not a number of seconds is refused, naming it. */
export function emulatorDelays(env: NodeJS.ProcessEnv): EmulatorDelays {
  const read = (variable: string): number => {
    const text = env[variable]?.trim() ?? '';
    if (text === '') return 0;
    const seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new LocalCloudError(
        'invalid-delay',
        `${variable}=${JSON.stringify(env[variable])} is not a number of seconds. ` +
          `Fix: set it to 0 or more (decimals allowed), or unset it for no wait.`,
      );
    }
    return seconds;
  };
  return {
    stack: read(EMULATOR_DELAY_VARIABLES.stack),
    service: read(EMULATOR_DELAY_VARIABLES.service),
    canaryBake: read(EMULATOR_DELAY_VARIABLES.canaryBake),
  };
}

/**
 * One sentence for `slipway local start` and `status`: how much longer stacks are reported in
 * progress than moto takes; undefined when no delay is set.
 */
export function describeDelays(delays: EmulatorDelays | undefined): string | undefined {
  if (delays === undefined) return undefined;
  const parts = [
    delays.stack > 0 ? `${delays.stack} s per stack create or update` : undefined,
    delays.service > 0 ? `${delays.service} s more with ECS services` : undefined,
    delays.canaryBake > 0 ? `${delays.canaryBake} s more with a canary` : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : `Stacks are reported in progress as on AWS: ${parts.join(', ')}.`;
}

/** The delays as the emulator's environment carries them, checked and normalized. */
export function delayEnvironment(delays: EmulatorDelays): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(EMULATOR_DELAY_VARIABLES) as (keyof EmulatorDelays)[]).map((key) => [
      EMULATOR_DELAY_VARIABLES[key],
      String(delays[key]),
    ]),
  );
}

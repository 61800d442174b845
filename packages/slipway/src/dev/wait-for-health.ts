import { setTimeout as sleep } from 'node:timers/promises';

export type HealthOutcome =
  | { readonly kind: 'ready' }
  /** The deadline passed; `last` is the last answer or connection error, for the message. */
  | { readonly kind: 'timeout'; readonly last: string }
  | { readonly kind: 'cancelled' };

export interface WaitForHealthProps {
  /** e.g. `http://127.0.0.1:3000/healthz`. */
  readonly url: string;
  readonly timeoutMs: number;
  /** Stops waiting early (the service exited, or the user pressed Ctrl-C). */
  readonly cancel: Promise<unknown>;
  /** @default 200 */
  readonly intervalMs?: number;
}

/** Per attempt: a server that accepts but never answers must not stall the whole wait. */
const ATTEMPT_TIMEOUT_MS = 2_000;

/**
 * Polls the health path the load balancer would call until it answers 2xx or 3xx, the same test
 * an ALB health check applies by default.
 */
export async function waitForHealth(props: WaitForHealthProps): Promise<HealthOutcome> {
  const { url, timeoutMs, intervalMs = 200 } = props;
  let cancelled = false;
  void props.cancel.then(() => {
    cancelled = true;
  });
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  while (!cancelled) {
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 400) return { kind: 'ready' };
      last = `it answered ${response.status}`;
    } catch (error) {
      last = describe(error);
    }
    if (cancelled) break;
    if (Date.now() >= deadline) return { kind: 'timeout', last: last ?? 'no answer yet' };
    await Promise.race([sleep(intervalMs), props.cancel]);
  }
  return { kind: 'cancelled' };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'nothing listens on its port';
  if ((error as Error).name === 'TimeoutError') return `it did not answer within ${ATTEMPT_TIMEOUT_MS} ms`;
  return (error as Error).message;
}

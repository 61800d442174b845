import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FunctionModel } from '../model/functions.js';
import { LineSplitter } from './line-splitter.js';

/** The script that loads the handler (through tsx) in a process of its own and calls it once. */
const HOST = fileURLToPath(new URL('./function-host.mjs', import.meta.url));

/** How one call of a handler ended. */
export type CallOutcome =
  | { readonly kind: 'returned'; readonly result: unknown }
  /** The handler threw, the process died, or the call outlived the function's timeout. */
  | { readonly kind: 'failed'; readonly reason: string };

export interface FunctionCallProps {
  readonly fn: FunctionModel;
  /** ARN the handler's context reports. */
  readonly functionArn: string;
  readonly event: unknown;
  /** The whole environment of the process. */
  readonly env: Readonly<Record<string, string>>;
  /** Called with each line the handler prints. */
  readonly onLine: (stream: 'stdout' | 'stderr', line: string) => void;
}

/** A call in progress; `cancel` ends it at once (the local loop is stopping). */
export interface RunningCall {
  readonly outcome: Promise<CallOutcome>;
  cancel(): void;
}

/**
 * Calls the handler once, as Lambda would, in a fresh Node process: each call starts cold, which
 * is slower than a warm Lambda but means nothing one call leaves behind (module state, a hung
 * socket, an exit) can reach the next. The process is ended as soon as the handler returns, the
 * way Lambda freezes it, and after the function's timeout if it has not.
 */
export function callFunction(props: FunctionCallProps): RunningCall {
  const { fn } = props;
  const child = spawn(process.execPath, [HOST], {
    env: props.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const splitters = (['stdout', 'stderr'] as const).map((stream) => {
    const splitter = new LineSplitter((line) => props.onLine(stream, line));
    child[stream]?.setEncoding('utf8');
    child[stream]?.on('data', (chunk: string) => splitter.push(chunk));
    return splitter;
  });
  let settle: (outcome: CallOutcome) => void = () => undefined;
  const outcome = new Promise<CallOutcome>((resolve) => {
    settle = resolve;
  });
  let answer: CallOutcome | undefined;
  const timer = setTimeout(() => {
    answer ??= {
      kind: 'failed',
      reason: `timed out after ${fn.timeoutSeconds} s (functions.${fn.name}.timeoutSeconds)`,
    };
    child.kill('SIGKILL');
  }, fn.timeoutSeconds * 1000);
  child.on('message', (message: { ok: boolean; result?: unknown; error?: string }) => {
    answer ??= message.ok
      ? { kind: 'returned', result: message.result }
      : { kind: 'failed', reason: `the handler threw: ${message.error ?? 'no message'}` };
    // Lambda freezes the process once the handler returns; open sockets or timers do not hold it.
    child.kill('SIGKILL');
  });
  child.once('error', (error) => {
    answer ??= { kind: 'failed', reason: `could not start: ${error.message}` };
  });
  // 'close' comes after the output streams ended, so every line is reported before the outcome.
  child.once('close', (code, signal) => {
    clearTimeout(timer);
    for (const splitter of splitters) splitter.end();
    settle(
      answer ?? {
        kind: 'failed',
        reason: `the process ${code === null ? `was ended by ${signal}` : `exited with code ${code}`} before the handler returned`,
      },
    );
  });
  child.send({
    entry: fn.entry,
    handler: fn.handler,
    event: props.event,
    context: {
      functionName: fn.functionName,
      functionArn: props.functionArn,
      memoryMb: fn.memoryMb,
      timeoutMs: fn.timeoutSeconds * 1000,
      requestId: randomUUID(),
    },
  });
  return {
    outcome,
    cancel: () => {
      answer ??= { kind: 'failed', reason: 'the local loop stopped' };
      child.kill('SIGKILL');
    },
  };
}

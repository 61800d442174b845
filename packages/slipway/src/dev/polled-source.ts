import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_ACCOUNT } from '../local-cloud/emulator-limits.js';
import type { FunctionModel } from '../model/functions.js';
import type { DevReporter } from './events.js';
import { type CallOutcome, callFunction, type RunningCall } from './function-call.js';
import type { LocalAws } from './local-aws.js';

/** Wait before reading again after the emulator did not answer. */
const ERROR_BACKOFF_MS = 1_000;

/** What every local event source needs: the function, where the emulator is, its variables. */
export interface PolledSourceProps {
  readonly fn: FunctionModel;
  readonly aws: LocalAws;
  /** The handler's whole environment. */
  readonly env: Readonly<Record<string, string>>;
  readonly report: DevReporter;
}

/**
 * A local stand-in for one of Lambda's event source mappings: a loop that reads its source on
 * the emulator and calls the function, until stopped. A read that fails is warned about once
 * and tried again every second; a stop ends the call in progress at once. Subclasses say how to
 * read once (`poll`) and what the source is called in a warning (`describeSource`), and call
 * `begin()` at the end of their constructor, once their own clients exist.
 */
export abstract class PolledSource<Props extends PolledSourceProps> {
  protected stopped = false;
  protected readonly functionArn: string;
  private current: RunningCall | undefined;
  private loop: Promise<void> = Promise.resolve();

  constructor(protected readonly props: Props) {
    this.functionArn = `arn:aws:lambda:${props.aws.region}:${LOCAL_ACCOUNT}:function:${props.fn.functionName}`;
  }

  /** Stops reading; a call in progress is ended at once. Resolves when the loop is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.cancel();
    await this.loop;
    this.close();
  }

  /** Reads the source once and delivers what it found; resolves to how long to wait before the next read. */
  protected abstract poll(): Promise<number>;
  /** The source as a warning names it, e.g. `queue jobs`. */
  protected abstract describeSource(): string;
  /** Releases the source's clients. */
  protected abstract close(): void;

  protected begin(): void {
    this.loop = this.run();
  }

  /** One call of the handler with `Records`, its output reported as the function's lines. */
  protected async call(records: readonly unknown[]): Promise<{ outcome: CallOutcome; seconds: number }> {
    const { fn, report } = this.props;
    const begun = Date.now();
    this.current = callFunction({
      fn,
      functionArn: this.functionArn,
      event: { Records: records },
      env: this.props.env,
      onLine: (stream, line) => report({ kind: 'log', service: fn.name, stream, line }),
    });
    const outcome = await this.current.outcome;
    this.current = undefined;
    return { outcome, seconds: (Date.now() - begun) / 1000 };
  }

  private async run(): Promise<void> {
    let warned = false;
    while (!this.stopped) {
      try {
        const wait = await this.poll();
        warned = false;
        if (wait > 0 && !this.stopped) await sleep(wait);
      } catch (error) {
        if (this.stopped) return;
        if (!warned) {
          this.props.report({
            kind: 'warning',
            message: `functions.${this.props.fn.name}: reading ${this.describeSource()} failed (${(error as Error).message}); trying again every second`,
          });
          warned = true;
        }
        await sleep(ERROR_BACKOFF_MS);
      }
    }
  }
}

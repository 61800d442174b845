import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { LineSplitter } from './line-splitter.js';
import { groupAlive, groupMembers } from './process-group.js';

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface StopResult extends ProcessExit {
  /** It outlived its stop timeout and was killed. */
  readonly killed: boolean;
}

export interface ServiceProcessProps {
  /** Shell command line, run by the system shell so `$PORT` and `&&` work as typed. */
  readonly command: string;
  readonly cwd: string;
  /** The whole environment of the process. */
  readonly env: Readonly<Record<string, string>>;
  /** Called with each line the process (or anything it started) prints. */
  readonly onLine: (stream: 'stdout' | 'stderr', line: string) => void;
}

/** After SIGKILL, how long to wait for the kernel to report the processes gone. */
const AFTER_KILL_MS = 2_000;
const POLL_MS = 100;
/** Shells a command line runs under; see `terminate`. */
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash']);

/**
 * A service's command, running in its own process group. A dev command is usually a chain
 * (`npm run dev` → sh → tsx → node): signalling only the first process would leave the server
 * running, or stop the wrapper before the server has drained. The group also keeps the terminal's
 * Ctrl-C away from the services, so Slipway decides the order things stop in.
 */
export class ServiceProcess {
  /** Resolves when the process Slipway started exits, with its code. */
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private readonly grouped = process.platform !== 'win32';
  private exit: ProcessExit | undefined;
  private stopping = false;
  /** Processes already sent SIGTERM, so each gets it once. */
  private readonly terminated = new Set<number>();

  constructor(props: ServiceProcessProps) {
    this.child = spawn(props.command, {
      cwd: props.cwd,
      env: props.env,
      shell: true,
      detached: this.grouped,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      const splitter = new LineSplitter((line) => props.onLine(stream, line));
      const source = this.child[stream];
      source?.setEncoding('utf8');
      source?.on('data', (chunk: string) => splitter.push(chunk));
      source?.on('end', () => splitter.end());
    }
    this.exited = new Promise((resolve) => {
      const done = (exit: ProcessExit) => {
        this.exit ??= exit;
        resolve(this.exit);
      };
      this.child.once('exit', (code, signal) => done({ code, signal }));
      // The shell could not be started at all (no /bin/sh, no such folder): report it as exit 127.
      this.child.once('error', (error) => {
        props.onLine('stderr', `could not start: ${error.message}`);
        done({ code: 127, signal: null });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether anything the command started is still running. */
  get running(): boolean {
    if (this.child.pid === undefined) return false;
    if (!this.grouped) return this.exit === undefined;
    return groupAlive(this.child.pid);
  }

  /**
   * SIGTERM to every process of the command, as ECS does on a deploy, then SIGKILL to whatever is
   * left after `graceMs` (the service's stop timeout). Resolves once all of them are gone.
   */
  async stop(graceMs: number): Promise<StopResult> {
    this.stopping = true;
    this.terminate();
    let killed = false;
    if (!(await this.waitUntilGone(graceMs))) {
      killed = true;
      this.signal('SIGKILL');
      await this.waitUntilGone(AFTER_KILL_MS);
    }
    const exit = this.exit ?? (await Promise.race([this.exited, sleep(AFTER_KILL_MS, undefined)]));
    return { code: exit?.code ?? null, signal: exit?.signal ?? null, killed };
  }

  /** SIGKILL at once, for a second Ctrl-C. */
  kill(): void {
    this.signal('SIGKILL');
  }

  /**
   * SIGTERM to the processes that do the work. The shell Slipway started the command with is
   * spared while it has children: it exits by itself once they do, and then reports their exit
   * code instead of its own death by SIGTERM. Called on every poll while stopping, so a process
   * the command starts late (`a; b`) is stopped too. Without /proc, the whole group at once.
   */
  private terminate(): void {
    const leader = this.child.pid;
    if (leader === undefined) return;
    const members = this.grouped ? groupMembers(leader) : undefined;
    if (members === undefined) {
      if (this.terminated.size === 0) this.signal('SIGTERM');
      this.terminated.add(leader);
      return;
    }
    const shellWaits = members.length > 1 && members.some((m) => m.pid === leader && SHELLS.has(m.command));
    for (const { pid } of members) {
      if (this.terminated.has(pid) || (shellWaits && pid === leader)) continue;
      this.terminated.add(pid);
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      if (this.grouped) process.kill(-pid, signal);
      else if (this.exit === undefined) this.child.kill(signal);
    } catch {
      // Already gone.
    }
  }

  private async waitUntilGone(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running || (this.exit === undefined && this.child.pid !== undefined)) {
      if (Date.now() >= deadline) return false;
      await sleep(POLL_MS);
      if (this.stopping) this.terminate();
    }
    return true;
  }
}

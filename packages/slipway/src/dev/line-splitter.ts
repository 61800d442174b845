/**
 * Turns chunks of process output into whole lines: a chunk may end mid-line, and a prefixed log
 * must never glue half of one service's line to another's.
 */
export class LineSplitter {
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const parts = (this.pending + chunk).split(/\r?\n/);
    this.pending = parts.pop() ?? '';
    for (const line of parts) this.onLine(line);
  }

  /** Emits what is left when the stream ends without a final newline. */
  end(): void {
    if (this.pending !== '') this.onLine(this.pending);
    this.pending = '';
  }
}

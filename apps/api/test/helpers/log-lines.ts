/** Collects the service's JSON log lines in memory. */
export class LogLines {
  readonly raw: string[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim()) this.raw.push(line);
  }

  get parsed(): Record<string, unknown>[] {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The per-request lines (those that carry a status code). */
  get requests(): Record<string, unknown>[] {
    return this.parsed.filter((line) => typeof line.statusCode === 'number');
  }
}

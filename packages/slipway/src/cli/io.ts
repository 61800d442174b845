/** Where a command writes. The CLI passes the process streams; tests pass buffers. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Progress on long work; silent in tests. */
  readonly progress: NodeJS.WritableStream | undefined;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  progress: process.stderr,
};

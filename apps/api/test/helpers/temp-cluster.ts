import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../../../scripts/postgres/temp-cluster.sh', import.meta.url));

export interface TempCluster {
  /** postgres://postgres:…@127.0.0.1:<port>/postgres */
  readonly url: string;
  /** The self-signed certificate the server presents, when started with `ssl`. */
  readonly caFile: string;
  stop(): Promise<void>;
}

/** Starts a throwaway cluster with scripts/postgres/temp-cluster.sh (fsync off: tests only). */
export async function startTempCluster(options: { ssl?: boolean } = {}): Promise<TempCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'slipway-api-pg-'));
  const env = { ...process.env, PG_FAST: '1', PG_SSL: options.ssl ? '1' : '0' };
  const { stdout } = await run('bash', [SCRIPT, 'start', dir], { env });
  return {
    url: stdout.trim(),
    caFile: join(dir, 'ca.pem'),
    stop: async () => {
      await run('bash', [SCRIPT, 'stop', dir]);
    },
  };
}

import { spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { LocalCloudError } from './errors.js';

/** The Python that runs the emulator, and the moto version it has. */
export interface MotoPython {
  /** Interpreter path or command name. */
  readonly command: string;
  readonly motoVersion: string;
}

/** Prints moto's version, failing unless moto and its server (flask) import. */
const PROBE =
  'import importlib.util, moto, sys\nassert importlib.util.find_spec("moto.server") and importlib.util.find_spec("flask")\nprint(moto.__version__)';

/**
 * Finds a Python with moto's server installed. `SLIPWAY_PYTHON` wins and is the only one tried
 * when set; otherwise the interpreter `moto_server` was installed with (its shebang), then
 * `python3` and `python` on PATH.
 */
export function findMotoPython(env: NodeJS.ProcessEnv = process.env): MotoPython {
  const chosen = env.SLIPWAY_PYTHON;
  if (chosen) {
    const version = probe(chosen, env);
    if (version) return { command: chosen, motoVersion: version };
    throw new LocalCloudError(
      'moto-missing',
      `SLIPWAY_PYTHON=${chosen} cannot run moto's server. Fix: install it there ` +
        `(\`${chosen} -m pip install 'moto[server]>=5.2,<6'\`) or point SLIPWAY_PYTHON at a Python that has it.`,
    );
  }
  const server = onPath('moto_server', env);
  const candidates = [server ? shebangInterpreter(server) : undefined, 'python3', 'python'].filter(
    (c): c is string => c !== undefined,
  );
  for (const candidate of new Set(candidates)) {
    const version = probe(candidate, env);
    if (version) return { command: candidate, motoVersion: version };
  }
  throw new LocalCloudError(
    'moto-missing',
    `${server ? `moto_server is on PATH (${server}) but no Python found runs it` : 'moto_server was not found on PATH'}: ` +
      "the local target runs AWS's moto emulator in Python. Fix: `pip install 'moto[server]>=5.2,<6'` " +
      '(or pipx), then run again; or set SLIPWAY_PYTHON to the Python that has moto.',
  );
}

function probe(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const run = spawnSync(command, ['-c', PROBE], { env, encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0) return undefined;
  return run.stdout.trim() || undefined;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** `#!/opt/venv/bin/python3` → `/opt/venv/bin/python3`; shell wrappers (pyenv shims) give nothing. */
function shebangInterpreter(file: string): string | undefined {
  const buffer = Buffer.alloc(256);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const first = buffer.toString('utf8').split('\n')[0] ?? '';
  const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!match?.[1]) return undefined;
  const interpreter = match[1].endsWith('/env') ? match[2] : match[1];
  return interpreter && /python/.test(path.basename(interpreter)) ? interpreter : undefined;
}

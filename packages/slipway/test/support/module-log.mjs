// Loaded with `node --import`: from here on, the URL of every module the process resolves is
// appended to the file SLIPWAY_MODULE_LOG names, one a line, so a test can tell what a command
// line loaded. Plain JavaScript, since the hooks run on the loader's own thread.
import { register } from 'node:module';

const log = process.env.SLIPWAY_MODULE_LOG;
if (!log) throw new Error('SLIPWAY_MODULE_LOG is not set. Fix: name the file the module list goes to.');
register('./module-log-hooks.mjs', import.meta.url, { data: { log } });

// The process entry of the CLI: bin/slipway.js imports its compiled form; a source checkout runs
// it through tsx. Kept apart from main.ts, which tests call in process without exiting anything.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));

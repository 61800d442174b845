#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a fresh clone needs no build step
// and user configs (slipway.config.ts) load through the same loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

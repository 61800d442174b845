#!/usr/bin/env node
// The installed CLI runs the compiled JavaScript in dist/; tsx is loaded only when a command
// reads a slipway.config.ts.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'slipway: the compiled CLI (dist/) is missing. In a clone of the Slipway repository, ' +
      '`npm ci` builds it, or run `npm run build -w slipway`.\n',
  );
  process.exit(1);
}
await import(entry.href);

// The baseline the plan is measured against: the same stacks built from the same config and
// synthesized by aws-cdk-lib alone: no checks, no cost, no report.
// Usage: node --import tsx bench/bare-synth.ts <config> <outdir> [--validate]
import { loadConfig } from '../src/config/load.js';
import { buildApp } from '../src/stacks/build-app.js';

const [config, outdir] = process.argv.slice(2);
if (!config || !outdir) throw new Error('usage: bare-synth.ts <config> <outdir> [--validate]');
const model = await loadConfig(config);
const { app } = buildApp(model, { outdir, cloudFormationValidation: process.argv.includes('--validate') });
app.synth();

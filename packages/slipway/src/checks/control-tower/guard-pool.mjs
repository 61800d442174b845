// Runs several cfn-guard invocations side by side and prints their results as one JSON array, in
// the order given. The plan is synchronous, so it cannot wait on child processes itself; it starts
// this script with spawnSync instead, and the script keeps every core busy meanwhile.
//
// stdin:  { "binary": "<cfn-guard>", "jobs": [["validate", ...args], ...] }
// stdout: [{ "status": 0 | 5 | 19 | null, "signal": null | "SIGKILL", "stdout": "...", "stderr": "..." }
//          or { "error": "<why it could not start>" }, ...]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const { binary, jobs } = JSON.parse(readFileSync(0, 'utf8'));
const results = new Array(jobs.length);
let next = 0;

function run(index) {
  return new Promise((resolve) => {
    const child = spawn(binary, jobs[index], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => {
      results[index] = { error: error.message };
      resolve();
    });
    child.on('close', (status, signal) => {
      results[index] ??= {
        status,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      };
      resolve();
    });
  });
}

async function worker() {
  while (next < jobs.length) await run(next++);
}

const width = Math.max(1, Math.min(jobs.length, availableParallelism()));
await Promise.all(Array.from({ length: width }, worker));
process.stdout.write(JSON.stringify(results));

import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { TopLevelSpec } from 'vega-lite';

/** What the drawing thread does, with what it takes and gives. */
interface Work {
  readonly layout: { readonly input: ElkNode; readonly result: ElkNode };
  readonly chart: { readonly input: TopLevelSpec; readonly result: string };
}

/** Asked of the thread and not yet answered. */
interface Pending {
  readonly what: string;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

const WHAT: Record<keyof Work, string> = {
  layout: 'ELK could not lay out the diagram',
  chart: 'Vega could not draw the chart',
};

let thread: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/**
 * The drawing thread, started on first use. It keeps the process alive only while something
 * asked of it is pending, so a command that warmed it and then failed still exits.
 */
function drawingThread(): Worker {
  if (thread !== undefined) return thread;
  const started = new Worker(new URL('./worker.mjs', import.meta.url));
  started.unref();
  started.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) started.unref();
    if (error !== undefined) waiting?.reject(new Error(`${waiting.what}: ${error}`));
    else waiting?.resolve(result);
  });
  started.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    thread = undefined;
  });
  thread = started;
  return started;
}

function ask<K extends keyof Work>(kind: K, input: Work[K]['input']): Promise<Work[K]['result']> {
  const worker = drawingThread();
  const id = nextId++;
  worker.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { what: WHAT[kind], resolve: resolve as (result: unknown) => void, reject });
    worker.postMessage({ id, kind, input });
  });
}

/** ELK's layered layout of `graph`, computed on the drawing thread. */
export function layOutOnThread(graph: ElkNode): Promise<ElkNode> {
  return ask('layout', graph);
}

/** A Vega-Lite spec as SVG, drawn by Vega on the drawing thread. */
export function chartSvgOnThread(spec: TopLevelSpec): Promise<string> {
  return ask('chart', spec);
}

// The report's drawing thread: ELK's layouts and Vega's charts. Loading both and their first runs
// cost more than a second of CPU in a fresh process; here that overlaps the plan's synth and the
// report's own work (the preview's synth) on another core. Plain JavaScript, so the thread loads
// no TypeScript loader: it takes a graph or a chart spec and answers with ELK's or Vega's result.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const ELK = require('elkjs/lib/elk.bundled.js');
const elk = new ELK();

/** Vega and Vega-Lite, loaded on the first chart, once. */
let charting;
const chartLibraries = () =>
  (charting ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({
    vega,
    vegaLite,
  })));

/** A Vega-Lite spec drawn as SVG without a browser: the same spec gives the same bytes. */
async function chartSvg(spec) {
  const { vega, vegaLite } = await chartLibraries();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const work = {
  layout: (graph) => elk.layout(graph),
  chart: chartSvg,
};

parentPort.on('message', async ({ id, kind, input }) => {
  try {
    parentPort.postMessage({ id, result: await work[kind](input) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

import type { TopLevelSpec } from 'vega-lite';
import { layoutDiagram } from './diagram/layout.js';
import type { Diagram } from './diagram/types.js';
import { chartSvgOnThread } from './drawing/thread.js';

/**
 * A small environment with every feature the layout uses (nested groups, ports, labelled edges
 * across groups), laid out once so ELK is loaded and its code compiled before the real diagrams arrive.
 */
const WARM_UP: Diagram = {
  title: 'warm-up',
  nodes: [
    { id: 'vpc', kind: 'vpc', label: 'VPC', details: [], resources: [] },
    { id: 'public', kind: 'subnet-tier', label: 'public', details: [], parent: 'vpc', resources: [] },
    { id: 'private', kind: 'subnet-tier', label: 'private', details: [], parent: 'vpc', resources: [] },
    { id: 'internet', kind: 'internet', label: 'internet', details: [], resources: [] },
    {
      id: 'lb',
      kind: 'load-balancer',
      label: 'load balancer',
      details: ['HTTPS :443'],
      parent: 'public',
      resources: [],
    },
    { id: 'web', kind: 'service', label: 'web', details: ['1 task'], parent: 'private', resources: [] },
    { id: 'db', kind: 'database', label: 'main', details: ['PostgreSQL'], parent: 'private', resources: [] },
  ],
  edges: [
    { id: 'internet->lb', from: 'internet', to: 'lb', kind: 'network', label: 'tcp 443' },
    { id: 'lb->web', from: 'lb', to: 'web', kind: 'route', label: '/*' },
    { id: 'web->db', from: 'web', to: 'db', kind: 'network', label: 'tcp 5432' },
  ],
};

/** A stacked bar with a legend and a text mark, as the cost chart has, for Vega to draw once. */
const WARM_UP_CHART: TopLevelSpec = {
  layer: [
    {
      data: { values: [{ scope: 'dev', category: 'Fargate', usd: 1 }] },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'scope', type: 'nominal' },
        x: { field: 'usd', type: 'quantitative', stack: 'zero' },
        color: { field: 'category', type: 'nominal' },
      },
    },
    {
      data: { values: [{ scope: 'dev', end: 1, label: '$1' }] },
      mark: { type: 'text', dx: 4 },
      encoding: {
        y: { field: 'scope', type: 'nominal' },
        x: { field: 'end', type: 'quantitative' },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ],
};

/**
 * Starts the drawing thread and warms it, without waiting: ELK lays out a small diagram and Vega
 * draws a small chart, so both are loaded and their code compiled before the real drawings
 * arrive. A command that will draw calls this before its long work starts.
 */
export function warmDrawingThread(): void {
  // A failing engine fails the real drawings too, with the reason; the warm-up has nothing to add.
  const ignore = () => undefined;
  layoutDiagram(WARM_UP).catch(ignore);
  chartSvgOnThread(WARM_UP_CHART).catch(ignore);
}

import { describe, expect, it } from 'vitest';
import { chartSvgOnThread, layOutOnThread } from '../../src/report/drawing/thread.js';

const options = { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' };

/** A chain of `count` boxes named `<prefix>0…`, each 40 × 20. */
function chain(prefix: string, count: number) {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  return {
    id: `${prefix}root`,
    layoutOptions: options,
    children: ids.map((id) => ({ id, width: 40, height: 20 })),
    edges: ids.slice(1).map((id, i) => ({ id: `${ids[i]}->${id}`, sources: [ids[i]!], targets: [id] })),
  };
}

describe("the report's drawing thread", () => {
  it('places every node of a graph, left to right along its edges', async () => {
    const laid = await layOutOnThread(chain('n', 3));
    const xs = (laid.children ?? []).map((child) => child.x ?? Number.NaN);
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
  });

  it('answers layouts asked at once each with its own graph', async () => {
    const [small, large] = await Promise.all([layOutOnThread(chain('a', 2)), layOutOnThread(chain('b', 6))]);
    expect(small.children?.map((c) => c.id)).toEqual(['a0', 'a1']);
    expect(large.children?.map((c) => c.id)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
    expect(large.width).toBeGreaterThan(small.width ?? 0);
  });

  it("rejects a graph ELK refuses, with ELK's reason, and keeps serving the next", async () => {
    const broken = {
      id: 'root',
      layoutOptions: options,
      children: [{ id: 'only', width: 10, height: 10 }],
      edges: [{ id: 'dangling', sources: ['only'], targets: ['missing'] }],
    };
    await expect(layOutOnThread(broken)).rejects.toThrow(/ELK could not lay out the diagram: .*missing/);
    expect((await layOutOnThread(chain('c', 2))).children).toHaveLength(2);
  });

  it('draws a Vega-Lite chart as SVG, the same bytes for the same spec', async () => {
    const spec = {
      data: {
        values: [
          { scope: 'dev', usd: 12 },
          { scope: 'prod', usd: 30 },
        ],
      },
      mark: 'bar',
      encoding: { y: { field: 'scope', type: 'nominal' }, x: { field: 'usd', type: 'quantitative' } },
    } as const;
    const [first, second] = await Promise.all([chartSvgOnThread(spec), chartSvgOnThread(spec)]);
    expect(first).toMatch(/^<svg[^>]*>/);
    expect(first).toContain('prod');
    expect(second).toBe(first);
  });

  it('rejects a chart Vega cannot draw, saying so, and draws the next', async () => {
    const broken = { data: { values: [] }, mark: 'no-such-mark', encoding: {} } as never;
    await expect(chartSvgOnThread(broken)).rejects.toThrow(/^Vega could not draw the chart: \S/);
    const spec = { data: { values: [{ a: 1 }] }, mark: 'point', encoding: {} } as const;
    expect(await chartSvgOnThread(spec)).toMatch(/^<svg/);
  });
});

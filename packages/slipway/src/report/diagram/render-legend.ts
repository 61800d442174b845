import {
  CHANGE_STYLES,
  EDGE_STYLES,
  FINDING_COLOURS,
  GROUP_STYLES,
  THING_STYLES,
  type ThingKind,
} from './kind-styles.js';
import { BOX } from './node-box.js';
import {
  EDGE_KINDS,
  arrowId,
  arrowMarkers,
  checkIdPrefix,
  escapeXml,
  num,
  svgOpen,
  thingGlyph,
} from './svg-parts.js';
import { DETAIL_TEXT } from './text-size.js';
import type { DiagramEdgeKind, DiagramNodeKind, NodeChange } from './types.js';

export interface LegendOptions {
  /** The node kinds to explain, e.g. those a page's diagrams use; all of them when left out. */
  readonly kinds?: Iterable<DiagramNodeKind>;
  /** The edge kinds to explain; all of them when left out. */
  readonly edgeKinds?: Iterable<DiagramEdgeKind>;
  /** Put before every element id, as for the diagrams on the same page. */
  readonly idPrefix?: string;
}

const COLUMN_WIDTH = 170;
const ROW_HEIGHT = 28;
const COLUMNS = 5;

/**
 * A key to the diagrams: the kinds' glyphs and frames, the edge styles, the change outlines and the
 * finding badge, in a grid of fixed cells so it needs no layout pass.
 */
export function renderLegendSvg(options: LegendOptions = {}): string {
  const idPrefix = checkIdPrefix(options.idPrefix ?? `legend-`);
  const wanted = options.kinds ? new Set<string>(options.kinds) : undefined;
  const wantedEdges = options.edgeKinds ? new Set<string>(options.edgeKinds) : undefined;
  const cells: string[] = [];

  for (const [kind, style] of Object.entries(GROUP_STYLES)) {
    if (wanted && !wanted.has(kind)) continue;
    cells.push(
      `<rect x="0" y="4" width="${BOX.glyphSize}" height="${BOX.glyphSize - 6}" rx="5" fill="${style.fill}" stroke="${style.stroke}"/>` +
        label(style.name),
    );
  }
  for (const [kind, style] of Object.entries(THING_STYLES)) {
    if (wanted && !wanted.has(kind)) continue;
    cells.push(thingGlyph(kind as ThingKind, 0, 2) + label(style.name));
  }
  for (const kind of EDGE_KINDS) {
    if (wantedEdges && !wantedEdges.has(kind)) continue;
    const style = EDGE_STYLES[kind];
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    cells.push(
      `<path d="M0,14 L30,14" stroke="${style.stroke}" stroke-width="${style.width}"${dash} marker-end="url(#${escapeXml(arrowId(idPrefix, kind))})"/>` +
        label(style.name, 40),
    );
  }
  for (const [change, style] of Object.entries(CHANGE_STYLES) as [
    NodeChange,
    (typeof CHANGE_STYLES)[NodeChange],
  ][]) {
    const dash = change === 'removed' ? ' stroke-dasharray="5 3"' : '';
    cells.push(
      `<rect x="1" y="4" width="${BOX.glyphSize}" height="${BOX.glyphSize - 6}" rx="4" fill="#ffffff" stroke="${style.stroke}" stroke-width="2.5"${dash}/>` +
        label(style.name),
    );
  }
  cells.push(
    `<rect x="0" y="6" width="${BOX.glyphSize + 4}" height="16" rx="8" fill="${FINDING_COLOURS.error}"/>` +
      `<text x="${(BOX.glyphSize + 4) / 2}" y="14" dy="0.35em" text-anchor="middle" font-size="10" font-weight="700" fill="#ffffff">✕ 2</text>` +
      label('Errors', 36),
    `<rect x="0" y="6" width="${BOX.glyphSize + 4}" height="16" rx="8" fill="${FINDING_COLOURS.warning}"/>` +
      `<text x="${(BOX.glyphSize + 4) / 2}" y="14" dy="0.35em" text-anchor="middle" font-size="10" font-weight="700" fill="#ffffff">! 1</text>` +
      label('Warnings', 36),
  );

  const rows = Math.ceil(cells.length / COLUMNS);
  const width = Math.min(cells.length, COLUMNS) * COLUMN_WIDTH;
  const height = rows * ROW_HEIGHT + 8;
  const placed = cells
    .map(
      (cell, index) =>
        `<g transform="translate(${num(8 + (index % COLUMNS) * COLUMN_WIDTH)},${num(4 + Math.floor(index / COLUMNS) * ROW_HEIGHT)})">${cell}</g>`,
    )
    .join('');
  return (
    svgOpen(width, height, ' role="img" class="diagram-legend"') +
    '<title>Legend</title>' +
    `<defs>${arrowMarkers(idPrefix)}</defs>` +
    placed +
    '</svg>'
  );
}

function label(text: string, x = BOX.glyphSize + 8): string {
  return `<text x="${x}" y="14" dy="0.35em" font-size="${DETAIL_TEXT.size + 1}" fill="#2d3748">${escapeXml(text)}</text>`;
}

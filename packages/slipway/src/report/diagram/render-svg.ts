import { CHANGE_STYLES, EDGE_STYLES, FINDING_COLOURS, groupStyleOf, thingKindOf } from './kind-styles.js';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from './layout.js';
import { BOX, GROUP_BOX, groupDetailLine } from './node-box.js';
import { arrowId, arrowMarkers, checkIdPrefix, escapeXml, num, svgOpen, thingGlyph } from './svg-parts.js';
import { DETAIL_TEXT, EDGE_TEXT, GROUP_TEXT, LABEL_TEXT, textWidth } from './text-size.js';
import { Tooltips } from './tooltips.js';
import type { NodeChange } from './types.js';

export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
}

export interface DiagramMarks {
  /** How the plan's diff touches each node, by node id. */
  readonly changes?: ReadonlyMap<string, NodeChange>;
  /** The findings that land on each node, by node id. */
  readonly findings?: ReadonlyMap<string, FindingCounts>;
  /** Put before every element id, so several diagrams can share one page. */
  readonly idPrefix?: string;
}

/**
 * Draws a laid-out diagram as one standalone SVG: presentation attributes only (no stylesheet to
 * leak into the page that inlines it), ids prefixed, all text escaped, and the same input always
 * gives the same bytes. Each node is a `<g class="node kind-… change-…" data-node-id="…">` the page
 * can find to link findings and diff rows to.
 */
export function renderDiagramSvg(laid: LaidOutDiagram, marks: DiagramMarks = {}): string {
  const idPrefix = checkIdPrefix(marks.idPrefix ?? '');
  const groups = laid.nodes.filter((node) => node.isGroup);
  const things = laid.nodes.filter((node) => !node.isGroup);
  const titleId = `${idPrefix}title`;
  const tips = new Tooltips(laid);
  return (
    svgOpen(laid.width, laid.height, ` role="img" aria-labelledby="${escapeXml(titleId)}" class="diagram"`) +
    `<title id="${escapeXml(titleId)}">${escapeXml(laid.title)}</title>` +
    `<defs>${arrowMarkers(idPrefix)}</defs>` +
    `<g class="groups">${groups.map((node) => drawGroup(node, marks, tips)).join('')}</g>` +
    `<g class="edges">${laid.edges.map((edge) => drawEdge(edge, idPrefix, tips)).join('')}</g>` +
    `<g class="things">${things.map((node) => drawThing(node, marks, tips)).join('')}</g>` +
    `<g class="edge-labels">${laid.edges.map(drawEdgeLabel).join('')}</g>` +
    '</svg>'
  );
}

function nodeOpen(laid: LaidOutNode, marks: DiagramMarks, tips: Tooltips): string {
  const change = marks.changes?.get(laid.node.id);
  const classes = [
    'node',
    `kind-${laid.node.kind}`,
    ...(laid.isGroup ? ['group'] : []),
    ...(change ? [`change-${change}`] : []),
  ];
  return (
    `<g class="${escapeXml(classes.join(' '))}" data-node-id="${escapeXml(laid.node.id)}">` +
    `<title>${escapeXml(tips.node(laid.node, change))}</title>`
  );
}

function outline(change: NodeChange | undefined, normal: string, normalWidth: number): string {
  if (!change) return ` stroke="${normal}" stroke-width="${normalWidth}"`;
  const dash = change === 'removed' ? ' stroke-dasharray="5 3"' : '';
  return ` stroke="${CHANGE_STYLES[change].stroke}" stroke-width="2.5"${dash}`;
}

function drawGroup(laid: LaidOutNode, marks: DiagramMarks, tips: Tooltips): string {
  const { node } = laid;
  const style = groupStyleOf(node.kind);
  const change = marks.changes?.get(node.id);
  const labelX = laid.x + GROUP_BOX.padding;
  const baseline = laid.y + GROUP_BOX.headerHeight / 2 + 4;
  const details =
    laid.details.length > 0
      ? `<text x="${num(labelX + textWidth(laid.label, GROUP_TEXT) + 12)}" y="${num(baseline)}" font-size="${DETAIL_TEXT.size}" fill="#5b6470">${escapeXml(groupDetailLine(laid.details))}</text>`
      : '';
  return (
    nodeOpen(laid, marks, tips) +
    `<rect x="${num(laid.x)}" y="${num(laid.y)}" width="${num(laid.width)}" height="${num(laid.height)}" rx="${GROUP_BOX.corner}" fill="${style.fill}"${outline(change, style.stroke, 1.2)}${change === 'removed' ? ' fill-opacity="0.5"' : ''}/>` +
    `<text x="${num(labelX)}" y="${num(baseline)}" font-size="${GROUP_TEXT.size}" font-weight="700" fill="#2d3748">${escapeXml(laid.label)}</text>` +
    details +
    changeTag(laid, change) +
    findingsBadge(laid, marks) +
    '</g>'
  );
}

function drawThing(laid: LaidOutNode, marks: DiagramMarks, tips: Tooltips): string {
  const { node } = laid;
  const change = marks.changes?.get(node.id);
  const textX = laid.x + BOX.textLeft;
  const labelBaseline = laid.y + BOX.padding + LABEL_TEXT.size;
  const details = laid.details
    .map(
      (line, index) =>
        `<text x="${num(textX)}" y="${num(labelBaseline + (index + 1) * DETAIL_TEXT.lineHeight + 1)}" font-size="${DETAIL_TEXT.size}" fill="#4a5360">${escapeXml(line)}</text>`,
    )
    .join('');
  return (
    nodeOpen(laid, marks, tips) +
    `<rect x="${num(laid.x)}" y="${num(laid.y)}" width="${num(laid.width)}" height="${num(laid.height)}" rx="${BOX.corner}" fill="#ffffff"${outline(change, '#aab3bf', 1)}${change === 'removed' ? ' opacity="0.65"' : ''}/>` +
    thingGlyph(thingKindOf(node.kind), laid.x + BOX.padding, laid.y + BOX.padding - 2) +
    `<text x="${num(textX)}" y="${num(labelBaseline)}" font-size="${LABEL_TEXT.size}" font-weight="700" fill="#1a202c"${change === 'removed' ? ' text-decoration="line-through"' : ''}>${escapeXml(laid.label)}</text>` +
    details +
    changeTag(laid, change) +
    findingsBadge(laid, marks) +
    '</g>'
  );
}

/** The change in words on the box's bottom border, so it does not rest on colour alone. */
function changeTag(laid: LaidOutNode, change: NodeChange | undefined): string {
  if (!change) return '';
  const width = textWidth(change, EDGE_TEXT) + 10;
  const x = laid.x + laid.width - width - 8;
  const y = laid.y + laid.height - 7;
  return (
    `<g class="change-tag"><rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="14" rx="7" fill="${CHANGE_STYLES[change].stroke}"/>` +
    `<text x="${num(x + width / 2)}" y="${num(y + 7)}" dy="0.35em" text-anchor="middle" font-size="${EDGE_TEXT.size}" font-weight="600" fill="#ffffff">${change}</text></g>`
  );
}

/** Error and warning counts as two pills on the box's top-right corner. */
function findingsBadge(laid: LaidOutNode, marks: DiagramMarks): string {
  const counts = marks.findings?.get(laid.node.id);
  if (!counts || (counts.errors <= 0 && counts.warnings <= 0)) return '';
  const pills = [
    ...(counts.errors > 0 ? [{ text: `✕ ${counts.errors}`, fill: FINDING_COLOURS.error }] : []),
    ...(counts.warnings > 0 ? [{ text: `! ${counts.warnings}`, fill: FINDING_COLOURS.warning }] : []),
  ];
  const summary = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')]
    .filter(Boolean)
    .join(', ');
  let right = laid.x + laid.width - 6;
  const drawn = pills
    .map((pill) => {
      const width = textWidth(pill.text, EDGE_TEXT) + 10;
      right -= width;
      const x = right;
      right -= 3;
      return (
        `<rect x="${num(x)}" y="${num(laid.y - 8)}" width="${num(width)}" height="16" rx="8" fill="${pill.fill}" stroke="#ffffff" stroke-width="1.5"/>` +
        `<text x="${num(x + width / 2)}" y="${num(laid.y)}" dy="0.35em" text-anchor="middle" font-size="${EDGE_TEXT.size}" font-weight="700" fill="#ffffff">${escapeXml(pill.text)}</text>`
      );
    })
    .join('');
  return `<g class="findings-badge"><title>${escapeXml(summary)}</title>${drawn}</g>`;
}

function plural(count: number, noun: string): string {
  if (count <= 0) return '';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function drawEdge(laid: LaidOutEdge, idPrefix: string, tips: Tooltips): string {
  const { edge, points } = laid;
  if (points.length < 2) return '';
  const style = EDGE_STYLES[edge.kind];
  const d = points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${num(point.x)},${num(point.y)}`)
    .join(' ');
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const title = tips.edge(edge);
  return (
    `<g class="edge kind-${edge.kind}" data-edge-id="${escapeXml(edge.id)}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<path d="${d}" fill="none" stroke="${style.stroke}" stroke-width="${style.width}"${dash} stroke-linejoin="round" marker-end="url(#${escapeXml(arrowId(idPrefix, edge.kind))})"/>` +
    '</g>'
  );
}

function drawEdgeLabel(laid: LaidOutEdge): string {
  const box = laid.labelBox;
  if (!box || !laid.label) return '';
  return (
    `<g class="edge-label" data-edge-id="${escapeXml(laid.edge.id)}">` +
    `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="3" fill="#ffffff" fill-opacity="0.85"/>` +
    `<text x="${num(box.x + box.width / 2)}" y="${num(box.y + box.height / 2)}" dy="0.35em" text-anchor="middle" font-size="${EDGE_TEXT.size}" fill="${EDGE_STYLES[laid.edge.kind].stroke}">${escapeXml(laid.label)}</text>` +
    '</g>'
  );
}

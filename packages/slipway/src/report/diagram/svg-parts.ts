import { EDGE_STYLES, THING_STYLES, type ThingKind } from './kind-styles.js';
import { BOX } from './node-box.js';
import { FONT_FAMILY, GLYPH_TEXT, textWidth } from './text-size.js';
import type { DiagramEdgeKind } from './types.js';
import { ReportInputError } from '../errors.js';

/** Escapes text for an SVG text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate, to a tenth: short and the same on every run. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * The prefix every element id gets, so one page can hold several SVGs; it must itself be a valid
 * id start, or references like url(#…) break.
 */
export function checkIdPrefix(idPrefix: string): string {
  if (idPrefix !== '' && !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(idPrefix)) {
    throw new ReportInputError(
      `marks.idPrefix is "${idPrefix}", which cannot start an SVG id; use letters, digits, "_", "-" or "." and start with a letter.`,
    );
  }
  return idPrefix;
}

export const EDGE_KINDS = Object.keys(EDGE_STYLES) as DiagramEdgeKind[];

export function arrowId(idPrefix: string, kind: DiagramEdgeKind): string {
  return `${idPrefix}arrow-${kind}`;
}

/** One arrowhead per edge kind, in its colour. */
export function arrowMarkers(idPrefix: string): string {
  return EDGE_KINDS.map(
    (kind) =>
      `<marker id="${escapeXml(arrowId(idPrefix, kind))}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">` +
      `<path d="M0,0 L10,5 L0,10 z" fill="${EDGE_STYLES[kind].stroke}"/></marker>`,
  ).join('');
}

/** The kind's square with its letters, its top left at (x, y). */
export function thingGlyph(kind: ThingKind, x: number, y: number): string {
  const style = THING_STYLES[kind];
  const size = BOX.glyphSize;
  // Shrink wide glyphs (WWW, CDN) until they fit the square with a little margin.
  const fontSize = Math.min(
    11,
    (size - 5) / Math.max(0.01, textWidth(style.glyph, { ...GLYPH_TEXT, size: 100 }) / 100),
  );
  return (
    `<rect x="${num(x)}" y="${num(y)}" width="${size}" height="${size}" rx="4" fill="${style.accent}"/>` +
    `<text x="${num(x + size / 2)}" y="${num(y + size / 2)}" dy="0.35em" text-anchor="middle" font-size="${num(fontSize)}" font-weight="700" fill="#ffffff">${escapeXml(style.glyph)}</text>`
  );
}

export function svgOpen(width: number, height: number, extra: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}"` +
    ` font-family="${escapeXml(FONT_FAMILY)}"${extra}>`
  );
}

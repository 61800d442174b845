/**
 * Text sizes without a browser: the layout needs each box's size before anything is drawn, so
 * widths are estimated from character counts at the fonts the SVG uses. Generous on purpose: a box
 * a little too wide reads fine, a label spilling out of its box does not.
 */

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export interface TextStyle {
  readonly size: number;
  /** Average advance of one character as a share of the font size. */
  readonly widthPerEm: number;
  readonly lineHeight: number;
}

export const LABEL_TEXT: TextStyle = { size: 13, widthPerEm: 0.66, lineHeight: 17 };
export const DETAIL_TEXT: TextStyle = { size: 11, widthPerEm: 0.6, lineHeight: 14 };
export const GROUP_TEXT: TextStyle = { size: 12, widthPerEm: 0.62, lineHeight: 16 };
/** The letters in a kind's square: bold, so wider than plain text. */
export const GLYPH_TEXT: TextStyle = { size: 11, widthPerEm: 0.7, lineHeight: 11 };
export const EDGE_TEXT: TextStyle = { size: 10, widthPerEm: 0.56, lineHeight: 12 };

/** Wide characters (capitals, W, M) count more, narrow ones (i, l, punctuation) less. */
function charWeight(char: string): number {
  if (/[iljtfI.,:;'|!() ]/.test(char)) return 0.55;
  if (/[MWmw@%]/.test(char)) return 1.45;
  if (/[A-Z0-9]/.test(char)) return 1.15;
  return 1;
}

export function textWidth(text: string, style: TextStyle): number {
  let units = 0;
  for (const char of text) units += charWeight(char);
  return Math.ceil(units * style.size * style.widthPerEm);
}

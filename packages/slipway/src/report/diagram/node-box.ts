import { GROUP_STYLES } from './kind-styles.js';
import { DETAIL_TEXT, GROUP_TEXT, LABEL_TEXT, textWidth } from './text-size.js';

/**
 * Where things sit inside a box, shared by the layout (which sizes boxes) and the renderer (which
 * fills them), so text placed by one fits the size chosen by the other.
 */
export const BOX = {
  /** The kind glyph: a square at the top left. */
  glyphSize: 24,
  padding: 10,
  /** Left edge of the label and details: after the glyph and a gap. */
  textLeft: 10 + 24 + 8,
  minWidth: 150,
  minHeight: 44,
  corner: 6,
} as const;

export const GROUP_BOX = {
  /** Room above the children for the group's name. */
  headerHeight: 28,
  padding: 16,
  corner: 10,
  minWidth: 160,
  minHeight: 60,
} as const;

/** The kinds drawn as frames, even when empty: those with a group style. */
export const GROUP_KINDS: ReadonlySet<string> = new Set(Object.keys(GROUP_STYLES));

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A thing's box: the glyph, the bold label, then one line per detail. */
export function thingSize(label: string, details: readonly string[]): Size {
  // Callers pass the texts as drawn (clipped), so the box fits what is shown.
  const textWide = Math.max(
    textWidth(label, LABEL_TEXT),
    ...details.map((line) => textWidth(line, DETAIL_TEXT)),
  );
  const width = Math.max(BOX.minWidth, BOX.textLeft + textWide + BOX.padding);
  const textTall = LABEL_TEXT.lineHeight + details.length * DETAIL_TEXT.lineHeight;
  const height = Math.max(BOX.minHeight, BOX.padding * 2 + textTall);
  return { width, height };
}

/** The least a group box may be: wide enough for its name even when its children are narrow. */
export function groupMinimumSize(label: string, details: readonly string[]): Size {
  const header =
    textWidth(label, GROUP_TEXT) +
    (details.length > 0 ? textWidth(groupDetailLine(details), DETAIL_TEXT) + 12 : 0);
  return {
    width: Math.max(GROUP_BOX.minWidth, header + GROUP_BOX.padding * 2),
    height: GROUP_BOX.minHeight,
  };
}

/** A group's details share its header line, after its name. */
export function groupDetailLine(details: readonly string[]): string {
  return clipText(details.join(' · '), MAX_CHARS.groupDetails);
}

/** Longest texts drawn in full; longer ones end in "…" and are read whole in the tooltip. */
export const MAX_CHARS = { label: 40, detail: 56, groupDetails: 96, edgeLabel: 56 } as const;

export function clipText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * Markers derived from the editor's flat operative part: "1.", "(a)", "(i)".
 * Pure, on plain data, so the editor's decorations and the model's labels
 * (shared/model/labels.ts) follow the same rules and never disagree.
 */
import { subparagraphMarker } from '../model/labels';
import { NODE } from './schema';

export interface FlatBlock {
  type: string;
  /** Subparagraph depth: 1 = (a), 2 = (i). Ignored for other types. */
  level?: number;
}

/**
 * One marker per block of the operative section. A lone operative paragraph
 * is not numbered (UN practice); a subparagraph deeper than the one before
 * it is treated as one level below it, so a stray level never skips a list.
 */
export function operativeMarkers(blocks: readonly FlatBlock[]): string[] {
  const operativeCount = blocks.filter((b) => b.type === NODE.operativeParagraph).length;
  const markers: string[] = [];
  let number = 0;
  let counters: number[] = [];
  let depth = 0;
  for (const block of blocks) {
    if (block.type === NODE.operativeParagraph) {
      number += 1;
      counters = [];
      depth = 0;
      markers.push(operativeCount > 1 ? `${number}.` : '');
      continue;
    }
    const level = Math.max(1, Math.min(block.level ?? 1, depth + 1));
    counters = counters.slice(0, level);
    counters[level - 1] = (counters[level - 1] ?? -1) + 1;
    depth = level;
    markers.push(subparagraphMarker(level, counters[level - 1]));
  }
  return markers;
}

/** Footnote numbers follow the order of first reference in the text. */
export function footnoteNumbers(referencedIds: readonly (string | null)[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const id of referencedIds) if (id && !numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}

import type { Inline } from './types';

/** The plain text of inline content; footnote references are dropped. */
export function plainText(content: readonly Inline[]): string {
  let out = '';
  for (const node of content) if (node.type === 'text') out += node.text;
  return out;
}

/** Inline content holding one unmarked run (or nothing for ""). */
export function textContent(text: string): Inline[] {
  return text ? [{ type: 'text', text }] : [];
}

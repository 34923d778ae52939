/** Applies a fix's text edits to a paragraph's plain text (the editor maps them to positions itself). */
import type { Fix } from './types';

export function applyFixToText(text: string, fix: Fix): string {
  const edits = fix.edits.filter((e) => e.kind === 'replace').sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) if (e.kind === 'replace') out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

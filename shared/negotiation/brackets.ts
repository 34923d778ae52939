/**
 * Square brackets in a negotiated text: "[shall]" is text not yet agreed,
 * and adjacent bracketed spans "[shall][should]" (or a slash inside one
 * span, "[shall/should]") are alternatives of which one will be kept.
 *
 * A span is an outermost balanced pair (nested brackets stay inside their
 * span). An opening bracket never closed runs to the end of the text and a
 * closing bracket with no opening one is a span of that one character:
 * unbalanced brackets are not agreed text either (the validation rule
 * BRACKET-UNBALANCED reports them as errors).
 */
export interface BracketSpan {
  /** Offsets into the paragraph's plain text; `end` is after the closing bracket. */
  start: number;
  end: number;
  /** Part of a group of alternatives ("[a][b]", "[a/b]", "[a] / [b]"). */
  alternative: boolean;
  balanced: boolean;
}

export function bracketSpans(text: string): BracketSpan[] {
  const spans: BracketSpan[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === ']') {
      if (depth === 0) spans.push({ start: i, end: i + 1, alternative: false, balanced: false });
      else if (--depth === 0) spans.push({ start: open, end: i + 1, alternative: false, balanced: true });
    }
  }
  if (depth > 0) spans.push({ start: open, end: text.length, alternative: false, balanced: false });
  spans.sort((a, b) => a.start - b.start);

  // Alternatives: a slash inside a span, or two spans separated by nothing but spaces or a slash.
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (s.balanced && text.slice(s.start + 1, s.end - 1).includes('/')) s.alternative = true;
    const next = spans[i + 1];
    if (next && s.balanced && next.balanced && /^\s*\/?\s*$/.test(text.slice(s.end, next.start))) s.alternative = next.alternative = true;
  }
  return spans;
}

/** Whether a paragraph's text has anything in brackets (and so is not agreed, whatever its status). */
export const hasBrackets = (text: string): boolean => text.includes('[') || text.includes(']');

/**
 * Inline markup of the plain-text form: `*italic*`, `**bold**`, footnote
 * markers `<sup>n</sup>`. Parsing is forgiving: an unmatched `*` stays text.
 */
import type { Inline, MarkName, TextRun } from '../model/types';

export interface ParsedInline {
  content: Inline[];
  /** Footnote labels referenced, in order. */
  refs: string[];
}

type Token = { kind: 'text'; text: string } | { kind: 'star'; n: number } | { kind: 'ref'; label: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /<sup>([^<]*)<\/sup>|(\*{1,3})/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m.index > last) tokens.push({ kind: 'text', text: src.slice(last, m.index) });
    if (m[1] !== undefined) tokens.push({ kind: 'ref', label: m[1].trim() });
    else tokens.push({ kind: 'star', n: m[2].length });
    last = re.lastIndex;
  }
  if (last < src.length) tokens.push({ kind: 'text', text: src.slice(last) });
  return tokens;
}

/**
 * Parses inline markup. `resolveRef(label)` maps a footnote label to a
 * footnote id (the caller owns numbering).
 */
export function parseInline(src: string, resolveRef: (label: string) => string | null): ParsedInline {
  const tokens = tokenize(src);
  // A star run toggles emphasis only if a matching run closes it later.
  const closes = new Set<number>();
  const opens = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'star' || opens.has(i) || closes.has(i)) continue;
    for (let j = i + 1; j < tokens.length; j++) {
      const u = tokens[j];
      if (u.kind === 'star' && u.n === t.n && !opens.has(j)) {
        opens.add(i);
        closes.add(j);
        break;
      }
    }
  }
  const content: Inline[] = [];
  const refs: string[] = [];
  let italic = false;
  let bold = false;
  const push = (text: string) => {
    if (!text) return;
    const marks: MarkName[] = [];
    if (italic) marks.push('italic');
    if (bold) marks.push('bold');
    const prev = content[content.length - 1];
    if (prev && prev.type === 'text' && sameMarks(prev.marks, marks)) prev.text += text;
    else content.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
  };
  tokens.forEach((t, i) => {
    if (t.kind === 'text') push(t.text);
    else if (t.kind === 'ref') {
      const id = /^\d+$|^\*+$/.test(t.label) ? resolveRef(t.label) : null;
      if (id) {
        refs.push(t.label);
        content.push({ type: 'footnoteRef', footnoteId: id });
      } else push(t.label);
    } else if (opens.has(i) || closes.has(i)) {
      if (t.n === 1 || t.n === 3) italic = !italic;
      if (t.n >= 2) bold = !bold;
    } else push('*'.repeat(t.n));
  });
  return { content: trimInline(content), refs };
}

function sameMarks(a: MarkName[] | undefined, b: MarkName[]): boolean {
  const x = a ?? [];
  return x.length === b.length && x.every((m) => b.includes(m));
}

/** Trims leading/trailing white space and collapses runs of spaces. */
export function trimInline(content: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of content) {
    if (node.type !== 'text') {
      out.push(node);
      continue;
    }
    const text = node.text.replace(/\s+/g, ' ');
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text' && sameMarks(prev.marks, node.marks ?? [])) prev.text += text;
    else out.push({ ...node, text });
  }
  // Collapse double spaces across run boundaries and trim the ends.
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1];
    const b = out[i];
    if (a.type === 'text' && b.type === 'text' && a.text.endsWith(' ') && b.text.startsWith(' ')) b.text = b.text.slice(1);
  }
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text.replace(/\s+$/, '');
  return out.filter((n) => n.type !== 'text' || n.text !== '');
}

/**
 * Removes the italic mark from the text at the very start of a paragraph and
 * returns it: the editor derives opening-phrase italics, the rules check the
 * imported fact.
 */
export function takeItalicOpening(content: Inline[]): { content: Inline[]; italicOpening: string | null } {
  const first = content[0];
  if (!first || first.type !== 'text' || !first.marks?.includes('italic')) return { content, italicOpening: null };
  const marks = first.marks.filter((m) => m !== 'italic');
  const run: TextRun = marks.length ? { type: 'text', text: first.text, marks } : { type: 'text', text: first.text };
  const rest = content.slice(1);
  const merged = trimInline([run, ...rest]);
  return { content: merged, italicOpening: first.text.trim() };
}

/** Writes inline content back to markup. `refLabel(id)` gives a footnote's number. */
export function serializeInline(content: readonly Inline[], refLabel: (footnoteId: string) => string): string {
  let out = '';
  for (const node of content) {
    if (node.type === 'footnoteRef') {
      out += `<sup>${refLabel(node.footnoteId)}</sup>`;
      continue;
    }
    const m = node.marks ?? [];
    const wrap = m.includes('italic') && m.includes('bold') ? '***' : m.includes('bold') ? '**' : m.includes('italic') ? '*' : '';
    if (!wrap) out += node.text;
    else {
      // Emphasis markers hug the words; spaces stay outside.
      const lead = /^\s*/.exec(node.text)![0];
      const trail = /\s*$/.exec(node.text)![0];
      const core = node.text.trim();
      out += core ? `${lead}${wrap}${core}${wrap}${trail}` : node.text;
    }
  }
  return out;
}

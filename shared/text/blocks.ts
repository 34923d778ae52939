/**
 * Splits a text into blocks (runs of non-blank lines), after undoing the
 * PDF-conversion debris that affects block boundaries and markers.
 */

export interface Block {
  /** The block's lines joined with a space. */
  text: string;
  /** 1-based line of the block's first line in the source. */
  line: number;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "¹²" → "12" */
export function superscriptToDigits(s: string): string {
  return [...s].map((c) => String(SUPERSCRIPT_DIGITS.indexOf(c))).join('');
}

export const SUPERSCRIPT_RUN = `[${SUPERSCRIPT_DIGITS}]+`;

/**
 * Normalizes every footnote-marker form the seeds contain to `<sup>n</sup>`:
 * HTML-escaped `&lt;sup&gt;n&lt;/sup&gt;`, the half-escaped
 * `<sup>&</sup>lt;sup&gt;n</sup>` and superscript digits. Also drops the
 * markdown links of PDF conversions (`[72/55](#)` → `72/55`).
 */
export function normalizeDebris(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/<sup>&<\/sup>lt;sup(?:&gt;|>)(\d+)<\/sup>/g, "<sup>$1</sup>")
    .replace(/&lt;sup&gt;(\d+)&lt;\/sup&gt;/g, '<sup>$1</sup>')
    .replace(/<sup>&lt;sup&gt;(\d+)<\/sup>/g, '<sup>$1</sup>')
    .replace(new RegExp(SUPERSCRIPT_RUN, 'g'), (m) => `<sup>${superscriptToDigits(m)}</sup>`)
    .replace(/\[([^\]\n]*)\]\(#?[^)\s]*\)/g, '$1');
}

const BREAK_BEFORE = /^(?:\d+\.\s|\([a-z]{1,4}\)\s|#|<sup>\d+<\/sup>\s|[IVX]+\.\s+[A-Z]|-{3,}$)/;

export function splitBlocks(text: string): Block[] {
  const lines = normalizeDebris(text).split('\n');
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      if (current.length) blocks.push({ text: current.join(' '), line: start });
      current = [];
      return;
    }
    // A numbered paragraph, lettered item, heading or footnote starts a new
    // block even without a blank line before it.
    if (current.length && BREAK_BEFORE.test(line)) {
      blocks.push({ text: current.join(' '), line: start });
      current = [];
    }
    if (!current.length) start = i + 1;
    current.push(line);
  });
  if (current.length) blocks.push({ text: current.join(' '), line: start });
  return blocks;
}

/** A footnote definition line: `<sup>3</sup> United Nations, …` or `* CTOC/COP/2016/1.` */
export function footnoteDefinition(block: Block): { label: string; text: string } | null {
  const sup = /^<sup>(\d+)<\/sup>\s*(.*)$/.exec(block.text);
  if (sup) return { label: sup[1], text: sup[2] };
  const star = /^(\*{1,3})\s+(\S.*)$/.exec(block.text);
  if (star) return { label: star[1], text: star[2] };
  return null;
}

export const isSeparator = (block: Block) => /^(-{3,}|\*{3,}|_{3,})$/.test(block.text);

/** Text with markup and footnote markers removed: for classification only. */
export function bare(text: string): string {
  return text
    .replace(/<sup>[^<]*<\/sup>/g, '')
    .replace(/\*+/g, '')
    .replace(/^#+\s*/, '')
    .trim();
}

/** Does this paragraph text look finished (ends with , ; : or .)? */
export function looksFinished(text: string): boolean {
  return /[,;:.]["”’)]*$/.test(bare(text));
}

export const startsLowercase = (text: string) => /^[a-z]/.test(bare(text));

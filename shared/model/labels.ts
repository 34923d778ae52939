import type { ParagraphId, Resolution, Subparagraph } from './types';

/** a, b, … z, aa, bb … (the UN style doubles the letter after z). */
export function subparagraphLetter(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return letter.repeat(Math.floor(index / 26) + 1);
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** 0 → i, 1 → ii, 3 → iv … */
export function romanNumeral(index: number): string {
  let n = index + 1;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** The marker printed before a subparagraph: "(a)" at level 1, "(i)" at level 2. */
export function subparagraphMarker(level: number, index: number): string {
  return `(${level <= 1 ? subparagraphLetter(index) : romanNumeral(index)})`;
}

export interface ParagraphLabel {
  id: ParagraphId;
  /** "PP7", "OP10", "OP3(a)", "OP3(a)(ii)" */
  label: string;
  /** What is printed before the text: "" for PPs, "10." for OPs, "(a)" for subparagraphs. */
  marker: string;
}

/**
 * Labels of every paragraph in document order. A resolution with a single
 * operative paragraph leaves it unnumbered (marker ""), but its label is OP1.
 */
export function paragraphLabels(resolution: Resolution): ParagraphLabel[] {
  const out: ParagraphLabel[] = [];
  resolution.preamble.forEach((p, i) => out.push({ id: p.id, label: `PP${i + 1}`, marker: '' }));
  const single = resolution.operative.length === 1;
  resolution.operative.forEach((p, i) => {
    const label = `OP${i + 1}`;
    out.push({ id: p.id, label, marker: single ? '' : `${i + 1}.` });
    pushSubparagraphs(out, p.subparagraphs, label, 1);
  });
  return out;
}

function pushSubparagraphs(out: ParagraphLabel[], subs: Subparagraph[], parent: string, level: number) {
  subs.forEach((s, i) => {
    const marker = subparagraphMarker(level, i);
    const label = parent + marker;
    out.push({ id: s.id, label, marker });
    pushSubparagraphs(out, s.subparagraphs, label, level + 1);
  });
}

export function labelMap(resolution: Resolution): Map<ParagraphId, string> {
  return new Map(paragraphLabels(resolution).map((l) => [l.id, l.label]));
}

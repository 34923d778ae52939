import type { Paragraph } from '../paragraphs';
import type { Diagnostic, Fix, Severity } from '../types';

export function diagnostic(p: Pick<Paragraph, 'id' | 'label'>, rule: string, severity: Severity, message: string, range?: { start: number; end: number }, fix?: Fix): Diagnostic {
  const d: Diagnostic = { rule, severity, message, paragraphId: p.id, label: p.label };
  if (range) d.range = range;
  if (fix) d.fix = fix;
  return d;
}

export const replaceFix = (title: string, start: number, end: number, text: string): Fix => ({ title, edits: [{ kind: 'replace', start, end, text }] });

/** Offset of the first non-space character. */
export const leadOf = (text: string) => text.length - text.trimStart().length;
/** Offset just after the last non-space character. */
export const tailOf = (text: string) => text.trimEnd().length;

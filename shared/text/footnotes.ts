/**
 * Footnote bookkeeping during an import: labels as printed ("3", "*") map to
 * footnote ids; references may come before or after the definition.
 */
import type { Footnote } from '../model/types';
import { parseInline } from './inline';

export type IdSource = () => string;

export class FootnoteTable {
  private byLabel = new Map<string, Footnote>();
  private order: Footnote[] = [];

  constructor(private readonly newId: IdSource) {}

  /** The id for a label, creating an (empty) footnote on first sight. */
  idFor = (label: string): string => this.get(label).id;

  define(label: string, text: string, line: number): void {
    const note = this.get(label);
    // A repeated label (PDF numbering restarts) gets a footnote of its own.
    const target = note.content.length ? this.fresh(label) : note;
    target.content = parseInline(text, this.idFor).content;
    target.imported = { line };
  }

  /** Footnotes in label order of appearance; those never defined are dropped. */
  footnotes(): Footnote[] {
    return this.order.filter((f) => f.content.length > 0);
  }

  private get(label: string): Footnote {
    return this.byLabel.get(label) ?? this.fresh(label);
  }

  private fresh(label: string): Footnote {
    const note: Footnote = { id: this.newId(), content: [] };
    this.byLabel.set(label, note);
    this.order.push(note);
    return note;
  }
}

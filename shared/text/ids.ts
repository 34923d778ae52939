import { newFootnoteId, newParagraphId } from '../model/ids';

export interface ImportOptions {
  /**
   * 'random' (default) for real documents; 'sequential' gives p1, p2 … and
   * f1, f2 … so that tests can compare models.
   */
  ids?: 'random' | 'sequential';
}

export function idSources(options: ImportOptions = {}) {
  if (options.ids !== 'sequential') return { paragraph: newParagraphId, footnote: newFootnoteId };
  let p = 0;
  let f = 0;
  return { paragraph: () => `p${++p}`, footnote: () => `f${++f}` };
}

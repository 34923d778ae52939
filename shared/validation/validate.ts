/**
 * The rules engine. validate() runs every rule family over a resolution;
 * createValidator() keeps the per-paragraph results, so after an edit only
 * the paragraphs whose text or position changed are checked again (the
 * cross-paragraph rules run over cached facts and are cheap).
 */
import { openingPhrase } from '../model/opening';
import type { Resolution } from '../model/types';
import { emptyCorpus, ownBodyOf, parseCitations, type Citation, type CitationCorpus } from './citations';
import { flattenParagraphs, type Paragraph } from './paragraphs';
import { authorityLine } from './rules/authority';
import { brackets } from './rules/brackets';
import { citationChecks } from './rules/citations';
import { openingItalics, typedNumbering } from './rules/imported';
import { operativeOpening, preambularOpening } from './rules/opening';
import { operativePunctuation, preambularPunctuation } from './rules/punctuation';
import { operativeOpeningOf, operativeSequence, preambularSequence, type OperativeOpening } from './rules/sequence';
import { latinItalics, termVariants } from './rules/terms';
import { SEVERITY_ORDER, type Diagnostic } from './types';

export interface ValidateOptions {
  /** Acts known from prior documents (the seeds by default, served by the server). */
  corpus?: CitationCorpus;
}

interface ParagraphResult {
  diagnostics: Diagnostic[];
  citations: Citation[];
  opening: OperativeOpening | null;
  preambularOpening: { phrase: string; end: number } | null;
}

/** Everything a paragraph's own checks depend on. */
function cacheKey(p: Paragraph): string {
  let key = `${p.id}\u0001${p.label}\u0001${p.kind}${p.level}${+p.hasSubparagraphs}${+p.endsResolution}${+p.lastInList}`;
  for (const node of p.content) key += node.type === 'text' ? `\u0002${node.marks?.join() ?? ''}\u0003${node.text}` : `\u0004${node.footnoteId}`;
  if (p.imported) key += `\u0005${p.imported.typedNumber ?? ''}\u0005${p.imported.italicOpening ?? ''}`;
  return key;
}

function checkParagraph(p: Paragraph): ParagraphResult {
  const diagnostics: Diagnostic[] = [];
  if (p.kind === 'preambular') diagnostics.push(...preambularOpening(p), ...preambularPunctuation(p));
  else {
    if (p.kind === 'operative') diagnostics.push(...operativeOpening(p));
    diagnostics.push(...operativePunctuation(p));
  }
  diagnostics.push(...openingItalics(p), ...brackets(p), ...termVariants(p), ...latinItalics(p));
  return {
    diagnostics,
    citations: parseCitations(p.text),
    opening: p.kind === 'operative' ? operativeOpeningOf(p) : null,
    preambularOpening: p.kind === 'preambular' ? openingPhrase(p.text, 'preambular') : null,
  };
}

export interface Validator {
  validate(res: Resolution): Diagnostic[];
  /** Paragraphs checked again by the last validate() call (for tests and benchmarks). */
  readonly lastChecked: number;
}

export function createValidator(options: ValidateOptions = {}): Validator {
  const corpus = options.corpus ?? emptyCorpus();
  let cache = new Map<string, ParagraphResult>();
  let lastChecked = 0;
  return {
    get lastChecked() {
      return lastChecked;
    },
    validate(res) {
      const paragraphs = flattenParagraphs(res);
      const next = new Map<string, ParagraphResult>();
      const results: ParagraphResult[] = [];
      lastChecked = 0;
      for (const p of paragraphs) {
        const key = cacheKey(p);
        let result = cache.get(key) ?? next.get(key);
        if (!result) {
          result = checkParagraph(p);
          lastChecked++;
        }
        next.set(key, result);
        results.push(result);
      }
      cache = next;

      const diagnostics: Diagnostic[] = [...authorityLine(res)];
      for (const r of results) diagnostics.push(...r.diagnostics);
      const operatives = paragraphs.filter((p) => p.kind === 'operative');
      diagnostics.push(...typedNumbering(operatives));
      diagnostics.push(...operativeSequence(results.flatMap((r) => (r.opening ? [r.opening] : []))));
      diagnostics.push(...preambularSequence(paragraphs.flatMap((p, i) => (results[i].preambularOpening ? [{ paragraph: p, opening: results[i].preambularOpening! }] : []))));
      const ownBody = ownBodyOf(res.authority, res.masthead.body);
      diagnostics.push(...citationChecks(paragraphs.map((p, i) => ({ paragraph: p, citations: results[i].citations })), ownBody, corpus));
      return sortDiagnostics(diagnostics, paragraphs);
    },
  };
}

/** Document order, then position in the paragraph, then severity. */
function sortDiagnostics(diagnostics: Diagnostic[], paragraphs: Paragraph[]): Diagnostic[] {
  const order = new Map(paragraphs.map((p, i) => [p.id, i]));
  return diagnostics.sort(
    (a, b) =>
      (order.get(a.paragraphId) ?? -1) - (order.get(b.paragraphId) ?? -1) ||
      (a.range?.start ?? -1) - (b.range?.start ?? -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

/** One-shot validation. */
export function validateResolution(res: Resolution, options: ValidateOptions = {}): Diagnostic[] {
  return createValidator(options).validate(res);
}

/**
 * The compilation: every paragraph of the text with the pending proposals
 * grouped under it, each labelled with its delegation — "OP5 (Mexico): …",
 * "OP5 alt (European Union): …", "OP7 (United States: delete)", "4 bis
 * (Norway): …" — and its plain-text form for export. Pure.
 */
import type { Resolution } from '../model/types';
import { wordDiff, type DiffPart } from './diff';
import { flatParagraphs, proposalLabels, type FlatParagraph } from './labels';
import { isPending, type Proposal } from './types';

export interface CompiledProposal {
  proposal: Proposal;
  /** "OP5", "OP5 alt", "4 bis" */
  label: string;
  /** "OP5 (Mexico)", "OP7 (United States: delete)", "OP7 (Norway: move after OP3)" */
  heading: string;
  /** The proposed text ("" for delete and move). */
  text: string;
  /** For a change of wording: the word diff from the paragraph as it is now. */
  diff?: DiffPart[];
  /** The paragraph changed since the proposal was made. */
  stale: boolean;
}

export interface CompilationEntry {
  /** The paragraph; null for proposals placed first in a section or aimed at paragraphs no longer in the text. */
  paragraph: FlatParagraph | null;
  proposals: CompiledProposal[];
}

export function compile(resolution: Resolution, all: readonly Proposal[]): CompilationEntry[] {
  const pending = all.filter(isPending);
  const labels = proposalLabels(resolution, pending);
  const flat = flatParagraphs(resolution);
  const byId = new Map(flat.map((p) => [p.id, p]));
  const compiled = (p: Proposal): CompiledProposal => {
    const label = labels.get(p.id)!;
    const target = p.paragraph ? byId.get(p.paragraph) : undefined;
    let heading = `${label} (${p.delegation})`;
    if (p.kind === 'delete') heading = `${label} (${p.delegation}: delete)`;
    if (p.kind === 'move') {
      const dest = p.after!.paragraph ? byId.get(p.after!.paragraph)?.label ?? 'a deleted paragraph' : `the start of the ${p.after!.section === 'operative' ? 'operative part' : 'preamble'}`;
      heading = `${label} (${p.delegation}: move after ${dest})`;
    }
    return {
      proposal: p,
      label,
      heading,
      text: p.text,
      diff: p.kind === 'text' && target ? wordDiff(target.text, p.text) : undefined,
      stale: !!target && (p.kind === 'text' || p.kind === 'alternative' || p.kind === 'delete') && target.text !== p.base,
    };
  };
  const under = new Map<string, CompiledProposal[]>();
  const firstOf: Record<string, CompiledProposal[]> = { preamble: [], operative: [] };
  const orphans: CompiledProposal[] = [];
  const add = (key: string, c: CompiledProposal) => (under.get(key) ?? under.set(key, []).get(key)!).push(c);
  // Within a paragraph: changes of its wording, alternatives, deletion, move; then new paragraphs after it.
  const order = { text: 0, alternative: 1, delete: 2, move: 3, new: 4 };
  for (const p of [...pending].sort((a, b) => order[a.kind] - order[b.kind] || a.created.localeCompare(b.created))) {
    const c = compiled(p);
    if (p.kind === 'new') {
      const anchor = p.after!.paragraph ? byId.get(p.after!.paragraph) : undefined;
      if (anchor) add(anchor.section === 'operative' ? lastOfUnit(flat, anchor.unit) : anchor.id, c);
      else if (p.after!.paragraph) orphans.push(c);
      else firstOf[p.after!.section].push(c);
    } else if (p.paragraph && byId.has(p.paragraph)) add(p.paragraph, c);
    else orphans.push(c);
  }
  const entries: CompilationEntry[] = [];
  let section: string | null = null;
  for (const paragraph of flat) {
    if (paragraph.section !== section) {
      section = paragraph.section;
      if (firstOf[section].length) entries.push({ paragraph: null, proposals: firstOf[section] });
    }
    entries.push({ paragraph, proposals: under.get(paragraph.id) ?? [] });
  }
  for (const s of ['preamble', 'operative'] as const) if (!flat.some((p) => p.section === s) && firstOf[s].length) entries.push({ paragraph: null, proposals: firstOf[s] });
  if (orphans.length) entries.push({ paragraph: null, proposals: orphans });
  return entries;
}

/** The id of the last paragraph of an OP's unit (the OP or its last subparagraph): new OPs go after the whole unit. */
function lastOfUnit(flat: FlatParagraph[], unit: string): string {
  let last = unit;
  for (const p of flat) if (p.unit === unit) last = p.id;
  return last;
}

export interface CompilationHeader {
  symbol: string;
  title: string;
  /** ISO time of the export. */
  at: string;
}

/** The compilation as plain text: each paragraph, then its proposals indented under it. */
export function compilationToText(entries: CompilationEntry[], header: CompilationHeader): string {
  const lines: string[] = [];
  const proposals = entries.flatMap((e) => e.proposals);
  const delegations = [...new Set(proposals.map((c) => c.proposal.delegation))].sort();
  lines.push('Compilation of proposals');
  if (header.symbol) lines.push(header.symbol);
  if (header.title) lines.push(header.title);
  lines.push(`As of ${header.at.slice(0, 16).replace('T', ' ')} UTC: ${proposals.length} pending proposal${proposals.length === 1 ? '' : 's'}${delegations.length ? ` from ${delegations.join(', ')}` : ''}`);
  lines.push('');
  for (const entry of entries) {
    if (entry.paragraph) lines.push(`${entry.paragraph.label}  ${entry.paragraph.text}`);
    for (const c of entry.proposals) {
      const body = c.proposal.kind === 'delete' || c.proposal.kind === 'move' ? '' : `: ${c.text}`;
      lines.push(`    ${c.heading}${body}${c.stale ? ' [made on an earlier text]' : ''}`);
      if (c.proposal.justification.trim()) lines.push(`        Justification: ${c.proposal.justification.trim()}`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The compilation as plain labelled lines for other outputs (the Word export
 * of the revisions work takes exactly this shape): each paragraph with its
 * label and text, each proposal with its label, delegation, kind and text.
 */
export interface CompilationOutline {
  masthead: Resolution['masthead'];
  title: string;
  entries: Array<{
    label: string;
    text: string;
    proposals: Array<{ label: string; delegation: string; kind: string; text?: string; justification?: string }>;
  }>;
}

export function compilationOutline(resolution: Resolution, entries: CompilationEntry[]): CompilationOutline {
  const title = resolution.title.map((n) => (n.type === 'text' ? n.text : '')).join('');
  return {
    masthead: resolution.masthead,
    title,
    entries: entries.map((e) => ({
      label: e.paragraph?.label ?? '',
      text: e.paragraph?.text ?? 'Placed first, or on paragraphs no longer in the text',
      proposals: e.proposals.map((c) => {
        const p = c.proposal;
        // A move reads "OP7 (Norway): move after OP3" (the heading's part after the delegation).
        const text = p.kind === 'move' ? c.heading.slice(c.heading.indexOf(': ') + 2, -1) : p.kind === 'delete' ? undefined : c.text;
        return { label: c.label, delegation: p.delegation, kind: p.kind === 'text' ? 'replace' : p.kind, text, justification: p.justification || undefined };
      }),
    })),
  };
}

/**
 * Proposals in the editor:
 *
 * - drawn in the text, in the proposer's colour: under each paragraph its
 *   pending proposals ("OP5 (Mexico): …" with inserted words underlined and
 *   deleted ones struck through, "OP5 alt (European Union): …"), a proposed
 *   deletion strikes the paragraph through, a new paragraph shows as "4 bis"
 *   after its OP. Widgets only: nothing is written to the text.
 * - in proposal mode, for a delegation, no local change reaches the Y.Doc:
 *   a transaction that would change the text is stopped and turned into a
 *   draft (typing into a paragraph opens a draft of it with the keystroke
 *   applied; Enter proposes a new paragraph; deleting a paragraph proposes its
 *   deletion). Remote changes (y-sync) pass as always. Proposals are made only
 *   by this explicit path, so a remote change never becomes anyone's proposal.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import { delegationColor } from '../../app/identity';
import { prosemirrorJSONToResolution } from '../../../shared/editor/convert';
import { NODE } from '../../../shared/editor/schema';
import { labelMap } from '../../../shared/model/labels';
import { emptyMasthead, type Resolution } from '../../../shared/model/types';
import { compile } from '../../../shared/proposals/compilation';
import type { ProposalSection } from '../../../shared/proposals/types';
import type { Draft } from './draft';
import type { ProposalsStore } from './store';

export const proposalsKey = new PluginKey<DecorationSet>('proposals');

export function modelOf(doc: PMNode): Resolution | null {
  try {
    return prosemirrorJSONToResolution(doc.toJSON(), emptyMasthead());
  } catch {
    return null; // mid-restructuring: draw nothing this time
  }
}

interface Para {
  id: string;
  node: PMNode;
  pos: number;
  section: ProposalSection | null;
  text: string;
}

function paragraphs(doc: PMNode): Para[] {
  const out: Para[] = [];
  doc.forEach((section, offset) => {
    const name = section.type.name;
    if (name !== NODE.preamble && name !== NODE.operative) return;
    section.forEach((node, o) => {
      out.push({ id: node.attrs.id as string, node, pos: offset + 1 + o, section: name === NODE.preamble ? 'preamble' : 'operative', text: node.textContent });
    });
  });
  return out;
}

/** What a stopped transaction meant, as a draft; null when it is nothing a proposal can say. */
export function draftFrom(before: EditorState, tr: Transaction): Draft | null {
  const old = paragraphs(before.doc);
  const now = paragraphs(tr.doc);
  const model = modelOf(before.doc);
  const labels = model ? labelMap(model) : new Map<string, string>();
  const label = (id: string) => labels.get(id) ?? 'the paragraph';
  const at = old.find((p) => p.pos <= before.selection.from && before.selection.from <= p.pos + p.node.nodeSize);
  if (now.length > old.length && at?.section) {
    return { kind: 'new', paragraph: at.id, label: `new paragraph after ${label(at.id)}`, section: at.section, base: '', text: '' };
  }
  if (now.length < old.length) {
    const kept = new Set(now.map((p) => p.id));
    const gone = old.find((p) => !kept.has(p.id));
    if (gone?.section) return { kind: 'delete', paragraph: gone.id, label: label(gone.id), section: gone.section, base: gone.text, text: '' };
    return null;
  }
  const changed = now.filter((p, i) => old[i] && old[i].id === p.id && old[i].text !== p.text);
  if (changed.length !== 1 || !changed[0].section) return null;
  const p = changed[0];
  const oldP = old.find((o) => o.id === p.id)!;
  // The caret's offset in the paragraph's text after the keystroke.
  let caret = p.text.length;
  const head = tr.selection.head;
  if (head > p.pos && head < p.pos + p.node.nodeSize) {
    caret = 0;
    p.node.forEach((child, offset) => {
      if (child.isText && p.pos + 1 + offset < head) caret += Math.min(child.text!.length, head - (p.pos + 1 + offset));
    });
  }
  return { kind: 'text', paragraph: p.id, label: label(p.id), section: p.section!, base: oldP.text, text: p.text, caret };
}

function widget(pos: number, key: string, build: () => HTMLElement): Decoration {
  return Decoration.widget(pos, build, { side: 1, key, ignoreSelection: true, stopEvent: () => true });
}

function noteDom(color: string, heading: string, body: Array<{ text: string; how?: 'ins' | 'del' }>, stale: boolean): HTMLElement {
  const div = document.createElement('div');
  div.className = 'proposal-note';
  div.contentEditable = 'false';
  div.style.setProperty('--proposal-color', color);
  const h = document.createElement('span');
  h.className = 'proposal-heading';
  h.textContent = heading + (body.length ? ': ' : '');
  div.append(h);
  for (const part of body) {
    const el = document.createElement(part.how ?? 'span');
    el.textContent = part.text;
    div.append(el);
  }
  if (stale) {
    const s = document.createElement('span');
    s.className = 'proposal-stale';
    s.textContent = ' (made on an earlier text)';
    div.append(s);
  }
  return div;
}

export function proposalDecorations(doc: PMNode, store: ProposalsStore): DecorationSet {
  const pending = store.current.proposals.filter((p) => p.state === 'pending');
  if (!pending.length) return DecorationSet.empty;
  const model = modelOf(doc);
  if (!model) return DecorationSet.empty;
  const where = new Map(paragraphs(doc).map((p) => [p.id, p]));
  const decorations: Decoration[] = [];
  for (const entry of compile(model, pending)) {
    const para = entry.paragraph ? where.get(entry.paragraph.id) : undefined;
    if (!para) continue;
    const end = para.pos + para.node.nodeSize;
    for (const c of entry.proposals) {
      const p = c.proposal;
      const color = delegationColor(p.delegation);
      let body: Array<{ text: string; how?: 'ins' | 'del' }> = [];
      if (p.kind === 'text') body = (c.diff ?? []).map((d) => ({ text: d.text, how: d.op === 'insert' ? 'ins' : d.op === 'delete' ? 'del' : undefined }));
      else if (p.kind === 'alternative' || p.kind === 'new') body = [{ text: p.text, how: 'ins' }];
      if (p.kind === 'delete') decorations.push(Decoration.node(para.pos, end, { class: 'proposed-delete', style: `--proposal-color: ${color}` }));
      const key = `proposal-${p.id}-${c.heading}-${c.stale}-${body.map((b) => b.how ?? '=').join('')}-${p.text.length}-${para.text.length}`;
      decorations.push(widget(end, key, () => noteDom(color, c.heading, body, c.stale)));
    }
  }
  return DecorationSet.create(doc, decorations);
}

export interface ProposalsOptions {
  store: ProposalsStore | null;
}

export const Proposals = Extension.create<ProposalsOptions, { unsubscribe: (() => void) | null }>({
  name: 'proposals',
  // Before Collaboration's keymap: in proposal mode, undo must not touch the Y.Doc.
  priority: 1000,
  addOptions: () => ({ store: null }),
  addStorage: () => ({ unsubscribe: null }),
  onCreate() {
    const store = this.options.store;
    const editor = this.editor;
    if (!store) return;
    let wasProposing = store.proposing();
    const redraw = () => editor.view.dispatch(editor.state.tr.setMeta(proposalsKey, true).setMeta('addToHistory', false));
    this.storage.unsubscribe = store.subscribe(() => {
      if (editor.isDestroyed) return;
      // Entering proposal mode: earlier local edits can no longer be undone (the server would refuse the change).
      if (store.proposing() && !wasProposing) yUndoPluginKey.getState(editor.state)?.undoManager.clear();
      wasProposing = store.proposing();
      redraw();
    });
    // The editor fires "create" a moment after its state was made: proposals that came in between (e.g. offline changes
    // submitted right after a reload, see ./unsent.ts) were not drawn yet.
    redraw();
  },
  onDestroy() {
    this.storage.unsubscribe?.();
  },
  addKeyboardShortcuts() {
    const store = this.options.store;
    const blocked = () => !!store?.proposing();
    return { 'Mod-z': blocked, 'Mod-Shift-z': blocked, 'Mod-y': blocked };
  },
  addProseMirrorPlugins() {
    const store = this.options.store;
    if (!store) return [];
    return [
      new Plugin<DecorationSet>({
        key: proposalsKey,
        state: {
          init: (_, state) => proposalDecorations(state.doc, store),
          apply: (tr, old, _oldState, newState) => (tr.docChanged || tr.getMeta(proposalsKey) ? proposalDecorations(newState.doc, store) : old),
        },
        props: { decorations: (state) => proposalsKey.getState(state) },
        filterTransaction(tr, state) {
          if (!tr.docChanged || !store.proposing()) return true;
          if (tr.getMeta('appendedTransaction')) return false; // e.g. id repairs: this editor may not write
          if ((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) return true; // remote changes
          const draft = draftFrom(state, tr);
          // Not during the dispatch: the draft opens right after.
          if (draft && !store.current.draft) queueMicrotask(() => store.openDraft(draft));
          return false;
        },
      }),
    ];
  },
});

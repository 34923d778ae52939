/**
 * Negotiation status in the text: a margin badge on every paragraph
 * ("Agreed", "Ad ref", "Pending", "Bracketed": colour and words), the note
 * of who changed it when it went back to pending, a marker for open comment
 * threads, bracketed text highlighted as not agreed, and the filter that
 * hides agreed paragraphs. All decorations, derived from the text and the
 * store; nothing is written to the document here except through the store.
 *
 * Alt-1 / Alt-2 / Alt-3 set the paragraph at the caret to agreed / ad ref /
 * pending (facilitator, secretariat); the badge opens a menu for the same.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE } from '../../../shared/editor/schema';
import { bracketSpans } from '../../../shared/negotiation/brackets';
import { standingLabel, statusOf, type Standing } from '../../../shared/negotiation/summary';
import type { ParagraphStatus } from '../../../shared/negotiation/types';
import { isParagraph, selectionBlock } from '../structure';
import { textWithPositions } from '../extensions/derived-marks';
import type { NegotiationStore, NegotiationView } from './store';

/** For the keyboard help. */
export const NEGOTIATION_SHORTCUTS: [string, string][] = [['Alt-1 / Alt-2 / Alt-3', 'facilitator, secretariat: the paragraph at the caret is agreed / ad ref / pending']];

export const negotiationKey = new PluginKey<DecorationSet>('negotiation');
const REFRESH = 'negotiation-refresh';

function badge(store: NegotiationStore, id: string, standing: Standing, status: ParagraphStatus, view: NegotiationView): HTMLElement {
  const entry = view.statuses.get(id);
  const wrap = document.createElement('span');
  wrap.className = 'neg-margin';
  wrap.contentEditable = 'false';
  const label = standingLabel(standing);
  const el = document.createElement(store.canSetStatus ? 'button' : 'span');
  el.className = `neg-status neg-${standing}`;
  el.dataset.status = status;
  // Drawn by CSS from data-label, so the paragraph's text (innerText, selection) is the text only.
  el.dataset.label = label;
  const who = entry ? `${entry.status === 'pending' && entry.reason ? entry.reason : `set by ${entry.by.delegation} (${entry.by.name})`}, ${new Date(entry.at).toLocaleString()}` : 'no status set yet';
  el.title = `${standing === 'bracketed' ? `Not agreed: bracketed text (status ${standingLabel(status)})` : label} — ${who}`;
  if (el instanceof HTMLButtonElement) {
    el.type = 'button';
    el.setAttribute('aria-haspopup', 'menu');
    el.setAttribute('aria-label', `Status: ${label}. Change the status`);
    el.addEventListener('mousedown', (e) => e.preventDefault());
    el.addEventListener('click', (e) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      store.openMenu(id, r.left, r.bottom);
    });
  } else {
    el.setAttribute('role', 'note');
    el.setAttribute('aria-label', `Status: ${label}`);
  }
  wrap.append(el);
  if (entry?.status === 'pending' && entry.reason) {
    const note = document.createElement('span');
    note.className = 'neg-note';
    // Short in the margin ("changed by Mexico"); the full reason, with the person, on hover.
    note.dataset.label = entry.reason.replace(/ \(.*\)$/, '');
    note.title = `${entry.reason}, ${new Date(entry.at).toLocaleString()}`;
    wrap.append(note);
  }
  const open = (view.threads.get(id) ?? []).filter((t) => !t.resolved).length;
  if (open > 0) {
    const marker = document.createElement('span');
    marker.className = 'neg-comments';
    marker.dataset.label = `${open} comment${open === 1 ? '' : 's'}`;
    marker.title = `${open} open comment thread${open === 1 ? '' : 's'} on this paragraph`;
    marker.setAttribute('aria-label', marker.title);
    wrap.append(marker);
  }
  return wrap;
}

function build(doc: PMNode, store: NegotiationStore): DecorationSet {
  const view = store.current;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!isParagraph(node)) return !node.isTextblock;
    const id = node.attrs.id as string | null;
    const { text, positions } = textWithPositions(node, pos + 1);
    const spans = bracketSpans(text);
    for (const s of spans) {
      if (s.end <= s.start || !positions.length) continue;
      const from = positions[s.start];
      const to = positions[Math.min(s.end, positions.length) - 1] + 1;
      decorations.push(Decoration.inline(from, to, { class: s.alternative ? 'neg-bracket neg-alternative' : 'neg-bracket', title: s.alternative ? 'Alternatives: not agreed' : 'Bracketed: not agreed' }));
    }
    if (!id || node.type.name === NODE.footnote) return false;
    const status = statusOf(view.statuses.get(id));
    const standing: Standing = spans.length ? 'bracketed' : status;
    const hidden = view.onlyNotAgreed && standing === 'agreed';
    const entry = view.statuses.get(id);
    const open = (view.threads.get(id) ?? []).filter((t) => !t.resolved).length;
    // The margin stacks badge, note and comment marker: the paragraph is at least that tall.
    const lines = 1 + (entry?.status === 'pending' && entry.reason ? 2 : 0) + (open > 0 ? 1 : 0);
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-standing': standing, class: hidden ? 'neg-hidden' : '', style: lines > 1 ? `min-height: ${lines * 1.05}rem` : '' }, { hidden }));
    const key = `neg:${id}:${standing}:${status}:${entry?.at ?? ''}:${open}:${store.canSetStatus}`;
    decorations.push(Decoration.widget(pos + 1, () => badge(store, id, standing, status, store.current), { side: -1, key, ignoreSelection: true, stopEvent: () => true }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Where the paragraphs the filter hides are: read off the decorations `build` made, the one place that decides. */
function hiddenRanges(decorations: DecorationSet): Array<[number, number]> {
  return decorations.find(undefined, undefined, (spec) => spec.hidden === true).map((d) => [d.from, d.to]);
}

/**
 * A local edit that touches a paragraph the filter hides: select-all and
 * type, a deletion across it, typing where the keyboard took the caret into
 * it. The delegate cannot see what would change (and an agreed paragraph
 * would go back to pending), so it is refused, and the panel says why.
 */
function touchesHidden(tr: Transaction, hidden: Array<[number, number]>): boolean {
  let touched = false;
  for (const step of tr.steps) {
    step.getMap().forEach((oldStart, oldEnd) => {
      if (hidden.some(([from, to]) => oldStart < to && oldEnd > from)) touched = true;
    });
    if (touched) return true;
  }
  return false;
}

export const Negotiation = Extension.create<{ store: NegotiationStore | null }>({
  name: 'negotiation',
  addOptions: () => ({ store: null }),

  addKeyboardShortcuts() {
    const set = (status: ParagraphStatus) => () => {
      const store = this.options.store;
      const block = selectionBlock(this.editor.state);
      if (!store?.canSetStatus || !block || !isParagraph(block.node) || !block.node.attrs.id) return false;
      store.setStatus(block.node.attrs.id as string, status);
      return true;
    };
    return { 'Alt-1': set('agreed'), 'Alt-2': set('ad-ref'), 'Alt-3': set('pending') };
  },

  addProseMirrorPlugins() {
    const store = this.options.store;
    if (!store) return [];
    return [
      new Plugin({
        key: negotiationKey,
        state: {
          init: (_, state) => build(state.doc, store),
          apply: (tr, old, _o, newState) => (tr.docChanged || tr.getMeta(REFRESH) ? build(newState.doc, store) : old),
        },
        props: { decorations: (state) => negotiationKey.getState(state) },
        filterTransaction(tr, state) {
          if (!tr.docChanged || !store.current.onlyNotAgreed) return true;
          if ((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) return true; // remote changes
          if (!touchesHidden(tr, hiddenRanges(negotiationKey.getState(state) ?? DecorationSet.empty))) return true;
          queueMicrotask(() => store.refusedHiddenEdit());
          return false;
        },
        view: (editorView) => {
          const unsubscribe = store.subscribeDecorations(() => {
            if (!editorView.isDestroyed) editorView.dispatch(editorView.state.tr.setMeta(REFRESH, true).setMeta('addToHistory', false));
          });
          return { destroy: unsubscribe };
        },
      }),
    ];
  },
});

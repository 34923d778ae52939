/**
 * The authorship view: text coloured by the delegation that wrote it. Each
 * character's Yjs item carries the client id that created it; the server's
 * map says whose that id is. Optionally only one delegation's text written
 * after a point in time (a state vector from the history API) is shown.
 *
 * Decorations are computed from the Y.Doc once it agrees with the editor:
 * y-prosemirror writes local edits to Yjs after the editor state changed,
 * so a refresh is scheduled on every Yjs update instead of computing them
 * in the transaction.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { authorship, blockKey } from '../../../shared/editor/authorship';
import { delegationTint } from '../../app/identity';

export interface AuthorshipSettings {
  enabled: boolean;
  /** client id → what to show (a delegation). */
  authors: Map<number, string>;
  /** Only this delegation's text that is not in `before` (a state vector). */
  filter: { delegation: string; before: Map<number, number> } | null;
}

interface PluginState extends AuthorshipSettings {
  decorations: DecorationSet;
}

export const authorshipKey = new PluginKey<PluginState>('authorship');

/** Changes the view's settings (any subset). */
export function setAuthorship(state: EditorState, patch: Partial<AuthorshipSettings>): Transaction {
  return state.tr.setMeta(authorshipKey, { settings: patch }).setMeta('addToHistory', false);
}

export function buildDecorations(doc: PMNode, ydoc: Y.Doc, settings: AuthorshipSettings): DecorationSet {
  if (!settings.enabled) return DecorationSet.empty;
  const runsByBlock = authorship(ydoc);
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const runs = runsByBlock.get(blockKey(node.type.name, node.attrs.id as string | null));
    // Only when Yjs and the editor agree on this block (they may not, for a moment).
    if (!runs || (runs.at(-1)?.to ?? 0) !== node.content.size) return false;
    for (const run of runs) {
      const who = settings.authors.get(run.client) ?? 'unknown';
      let from = run.from;
      if (settings.filter) {
        if (who !== settings.filter.delegation) continue;
        const known = settings.filter.before.get(run.client) ?? 0;
        // Characters of one item have consecutive clocks: skip those that existed before.
        from = Math.max(run.from, run.from + (known - run.clock));
        if (from >= run.to) continue;
      }
      decorations.push(
        Decoration.inline(pos + 1 + from, pos + 1 + run.to, {
          class: 'authored',
          'data-delegation': who,
          style: `background-color: ${delegationTint(who)}`,
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const Authorship = Extension.create<{ ydoc: Y.Doc | null }>({
  name: 'authorship',
  addOptions: () => ({ ydoc: null }),
  addProseMirrorPlugins() {
    const ydoc = this.options.ydoc;
    if (!ydoc) return [];
    return [
      new Plugin<PluginState>({
        key: authorshipKey,
        state: {
          init: () => ({ enabled: false, authors: new Map(), filter: null, decorations: DecorationSet.empty }),
          apply(tr, value, _old, newState) {
            const meta = tr.getMeta(authorshipKey) as { settings?: Partial<AuthorshipSettings>; refresh?: boolean } | undefined;
            if (meta) {
              const next = { ...value, ...meta.settings };
              return { ...next, decorations: buildDecorations(newState.doc, ydoc, next) };
            }
            return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: {
          decorations: (state) => authorshipKey.getState(state)?.decorations,
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | null = null;
          const onUpdate = () => {
            if (timer || !authorshipKey.getState(view.state)?.enabled) return;
            timer = setTimeout(() => {
              timer = null;
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(authorshipKey, { refresh: true }).setMeta('addToHistory', false));
            }, 30);
          };
          ydoc.on('update', onUpdate);
          return {
            destroy() {
              if (timer) clearTimeout(timer);
              ydoc.off('update', onUpdate);
            },
          };
        },
      }),
    ];
  },
});

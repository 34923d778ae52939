/** The status menu opened from a paragraph's margin badge: Agreed / Ad ref / Pending, by mouse or keyboard. */
import { useEffect, useRef } from 'react';
import type { Editor } from '@tiptap/core';
import { STATUS_LABELS, type ParagraphStatus } from '../../../shared/negotiation/types';
import { statusOf } from '../../../shared/negotiation/summary';
import type { NegotiationStore, NegotiationView } from './store';

const CHOICES: { status: ParagraphStatus; key: string }[] = [
  { status: 'agreed', key: 'Alt-1' },
  { status: 'ad-ref', key: 'Alt-2' },
  { status: 'pending', key: 'Alt-3' },
];

export function StatusMenu({ store, view, editor }: { store: NegotiationStore; view: NegotiationView; editor: Editor | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const menu = view.menu;
  const current = menu ? statusOf(view.statuses.get(menu.paragraphId)) : null;
  useEffect(() => {
    if (!menu) return;
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitemradio]') ?? [])];
    (items.find((b) => b.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
    const outside = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) store.closeMenu();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [menu, store]);
  if (!menu) return null;
  const close = () => {
    store.closeMenu();
    editor?.view.focus();
  };
  const choose = (status: ParagraphStatus) => {
    store.setStatus(menu.paragraphId, status);
    close();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitemradio]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  return (
    <div ref={ref} className="neg-menu" role="menu" aria-label="Paragraph status" style={{ left: menu.x, top: menu.y }} onKeyDown={onKeyDown}>
      {CHOICES.map(({ status, key }) => (
        <button key={status} type="button" role="menuitemradio" aria-checked={current === status} className={`neg-choice neg-${status}`} onClick={() => choose(status)}>
          {STATUS_LABELS[status]} <kbd>{key}</kbd>
        </button>
      ))}
    </div>
  );
}

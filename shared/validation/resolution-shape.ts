/**
 * Checks that untrusted JSON is a resolution model (POST /api/validate),
 * saying where it is not. Pure; used by the API.
 */
import { emptyMasthead, type Inline, type Resolution } from '../model/types';

export class ShapeError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function inline(value: unknown, path: string): Inline[] {
  if (!Array.isArray(value)) throw new ShapeError(`${path} must be an array of inline nodes`);
  return value.map((n, i) => {
    if (!isObject(n)) throw new ShapeError(`${path}[${i}] must be an object`);
    if (n.type === 'text') {
      if (typeof n.text !== 'string') throw new ShapeError(`${path}[${i}].text must be a string`);
      const marks = n.marks === undefined ? undefined : Array.isArray(n.marks) ? n.marks.filter((m): m is 'italic' | 'bold' => m === 'italic' || m === 'bold') : null;
      if (marks === null) throw new ShapeError(`${path}[${i}].marks must be an array`);
      return marks?.length ? { type: 'text', text: n.text, marks } : { type: 'text', text: n.text };
    }
    if (n.type === 'footnoteRef' && typeof n.footnoteId === 'string') return { type: 'footnoteRef', footnoteId: n.footnoteId };
    throw new ShapeError(`${path}[${i}].type must be "text" or "footnoteRef"`);
  });
}

function paragraphs<T>(value: unknown, path: string, make: (p: Record<string, unknown>, path: string, i: number) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ShapeError(`${path} must be an array`);
  return value.map((p, i) => {
    if (!isObject(p)) throw new ShapeError(`${path}[${i}] must be an object`);
    return make(p, `${path}[${i}]`, i);
  });
}

const idOf = (p: Record<string, unknown>, fallback: string) => (typeof p.id === 'string' && p.id ? p.id : fallback);

type Sub = Resolution['operative'][number]['subparagraphs'][number];
function subs(value: unknown, path: string): Sub[] {
  return paragraphs(value, path, (p, at) => ({ kind: 'subparagraph' as const, id: idOf(p, at), content: inline(p.content, `${at}.content`), subparagraphs: subs(p.subparagraphs, `${at}.subparagraphs`) }));
}

export function asResolution(value: unknown): Resolution {
  if (!isObject(value)) throw new ShapeError('"document" must be a resolution object');
  const authority = value.authority ?? '';
  if (typeof authority !== 'string') throw new ShapeError('document.authority must be a string');
  if (!Array.isArray(value.operative)) throw new ShapeError('document.operative must be an array of operative paragraphs');
  return {
    masthead: { ...emptyMasthead(), ...(isObject(value.masthead) ? value.masthead : {}) },
    title: value.title === undefined ? [] : inline(value.title, 'document.title'),
    authority,
    preamble: paragraphs(value.preamble, 'document.preamble', (p, at, i) => ({ kind: 'preambular' as const, id: idOf(p, `pp${i + 1}`), content: inline(p.content, `${at}.content`) })),
    operative: paragraphs(value.operative, 'document.operative', (p, at, i) => ({ kind: 'operative' as const, id: idOf(p, `op${i + 1}`), content: inline(p.content, `${at}.content`), subparagraphs: subs(p.subparagraphs, `${at}.subparagraphs`) })),
    footnotes: [],
  };
}

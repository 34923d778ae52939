import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainText } from '../model/text';
import { comparable } from '../../test/support/model';
import { parseResolutionText } from './parse';
import { resolutionToText } from './serialize';
import { parseTemplate, type TemplateEntry } from './templates';

const dir = fileURLToPath(new URL('../../templates/', import.meta.url));
const index: TemplateEntry[] = JSON.parse(readFileSync(dir + 'index.json', 'utf8'));
const load = (entry: TemplateEntry) => parseTemplate(entry, readFileSync(dir + entry.file, 'utf8'));

describe('templates', () => {
  it('include the bodies the customer asked for', () => {
    expect(index.map((t) => t.id)).toEqual(['ga-main-committee', 'cop-untoc', 'hrc', 'ecosoc', 'security-council']);
  });

  it.each(index.map((e) => [e.id, e] as const))('%s parses into a well-formed draft', (_id, entry) => {
    const { resolution } = load(entry);
    expect(resolution.authority).toBe(`The ${entry.body},`);
    expect(resolution.masthead.body).toBe(entry.body);
    expect(resolution.masthead.symbol).not.toBe('');
    expect(resolution.masthead.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(resolution.preamble.length).toBeGreaterThan(0);
    for (const pp of resolution.preamble) expect(plainText(pp.content)).toMatch(/,$/);
    const ops = resolution.operative.map((p) => plainText(p.content));
    ops.slice(0, -1).forEach((t) => expect(t).toMatch(/;$/));
    expect(ops[ops.length - 1]).toMatch(/\.$/);
    const again = parseResolutionText(resolutionToText(resolution));
    expect(comparable(again)).toEqual(comparable(resolution));
  });

  it('the Security Council template has no title', () => {
    const sc = load(index.find((t) => t.id === 'security-council')!);
    expect(sc.resolution.title).toEqual([]);
    expect(sc.resolution.masthead.symbol).toBe('S/2026/1');
  });
});

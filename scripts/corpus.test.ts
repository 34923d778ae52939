import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/support/postgres';
import { corpusCli } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'penholder-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NEW_RESOLUTION = `The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,

*Recalling* its resolution 10/2 of 16 October 2020,

1. *Requests* the Secretariat to compile national practices on the marking of polymer firearms;

2. *Decides* to remain seized of the matter.
`;

describe('npm run corpus', () => {
  it('lists the seeds, imports a text with its metadata, and removes it', async () => {
    const lines: string[] = [];
    expect(await corpusCli(['list'], { dataDir: dir }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe(`5 documents in the corpus (${dir})`);
    expect(lines.join('\n')).toContain('resolution 10/2');

    const file = join(dir, 'res-12-3.txt');
    writeFileSync(file, NEW_RESOLUTION);
    lines.length = 0;
    expect(await corpusCli(['import', file, '--kind', 'resolution', '--date', '2024-10-18', '--symbol', 'resolution 12/3'], { dataDir: dir }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^imported .*res-12-3\.txt as c-[0-9a-f]{12}: 3 paragraphs \(PP1 … OP2\)$/);
    const id = /as (c-[0-9a-f]+)/.exec(lines[0])![1];

    lines.length = 0;
    await corpusCli(['list'], { dataDir: dir }, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^6 documents/);
    expect(lines.find((l) => l.startsWith(id))).toMatch(/2024-10-18 {2}resolution .* 3 paragraphs {2}resolution 12\/3$/);

    expect(await corpusCli(['remove', id], { dataDir: dir }, () => {})).toBe(0);
    lines.length = 0;
    await corpusCli(['list'], { dataDir: dir }, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^5 documents/);
  });

  it('refuses bad metadata and unreadable files with a clear message', async () => {
    const lines: string[] = [];
    expect(await corpusCli(['import', 'x.txt', '--kind', 'treaty', '--date', '2024-01-01'], { dataDir: dir }, (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^--kind must be one of resolution, draft, recommendations, chair-summary/);
    lines.length = 0;
    expect(await corpusCli(['import', 'x.txt', '--kind', 'draft', '--date', '2024-02-30'], { dataDir: dir }, (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^--date must be/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '   \n');
    lines.length = 0;
    expect(await corpusCli(['import', empty, '--kind', 'draft', '--date', '2024-01-01'], { dataDir: dir }, (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toBe(`could not import ${empty}: The text is empty.`);
  });

  it('runs as npm run corpus -- list', () => {
    const out = execFileSync('npm', ['run', '--silent', 'corpus', '--', 'list'], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
    expect(out).toContain('5 documents in the corpus');
  });
});

describe('npm run corpus with DATABASE_URL', () => {
  it('manages the corpus in PostgreSQL, and DATABASE_URL takes precedence over DATA_DIR', async () => {
    const db = await freshDatabase();
    try {
      const storage = { dataDir: dir, databaseUrl: db.url };
      const file = join(dir, 'res-12-4.txt');
      writeFileSync(file, NEW_RESOLUTION);
      const lines: string[] = [];
      expect(await corpusCli(['import', file, '--kind', 'resolution', '--date', '2024-10-18', '--symbol', 'resolution 12/4'], storage, (l) => lines.push(l))).toBe(0);
      const id = /as (c-[0-9a-f]+)/.exec(lines[0])![1];

      // The command-line program reads DATABASE_URL: it sees the seeds and the import, in PostgreSQL.
      const out = execFileSync('npm', ['run', '--silent', 'corpus', '--', 'list'], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: db.url }, encoding: 'utf8' });
      expect(out).toContain(`6 documents in the corpus (${db.url})`);
      expect(out).toContain('resolution 12/4');
      // …and the SQLite corpus in DATA_DIR did not get it.
      lines.length = 0;
      await corpusCli(['list'], { dataDir: dir }, (l) => lines.push(l));
      expect(lines.join('\n')).not.toContain(id);
    } finally {
      await db.drop();
    }
  });
});

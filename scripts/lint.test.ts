import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const seeds = 'server/corpus/seeds';
const run = (...files: string[]) => spawnSync('npx', ['tsx', 'scripts/lint.ts', ...files], { encoding: 'utf8' });

describe('npm run lint', () => {
  it('prints file:line:col severity rule for the Mexico draft and exits 0 (warnings only)', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/lint.ts', `${seeds}/001_014e89af0195ae54.txt`], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(/^server\/corpus\/seeds\/001_014e89af0195ae54\.txt:\d+:\d+ (error|warning|info) [A-Z-]+ /);
    expect(out).toMatch(/001_014e89af0195ae54\.txt:\d+:\d+ warning CIT-DUP PP2: resolution 8\/3 is cited twice/);
  });
  it('exits 1 when there are errors, 2 on unreadable input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'The General Assembly,\n\nDecides to act,\n\n1. Requests a report,\n');
    const r = run(bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${bad}:3:1 error PP-NO-OP-VERB PP1`);
    expect(r.stdout).toContain(`${bad}:5:21 error OP-PUNCT`);
    const missing = run(join(dir, 'missing.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file of a .docx (a zip), read with Debian's unzip. */
export function docxPart(dir: string, docx: Uint8Array, part = 'word/document.xml'): string {
  const file = join(dir, `part-${Date.now()}-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, docx);
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });
}

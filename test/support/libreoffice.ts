/**
 * Debian's LibreOffice and poppler-utils for the Word-export tests
 * (installed by scripts/ensure-libreoffice.sh): .docx → PDF → text / PNG.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function need(command: string) {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
  } catch {
    throw new Error(`${command} is not installed: run "bash scripts/ensure-libreoffice.sh" (Debian's libreoffice-writer-nogui and poppler-utils)`);
  }
}

/** Converts a .docx to PDF with a profile of its own (parallel runs never share one); returns the PDF's path. */
export async function docxToPdf(dir: string, name: string, docx: Uint8Array): Promise<string> {
  await need('soffice');
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, docx);
  const profile = mkdtempSync(join(tmpdir(), 'penholder-lo-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(dir, `${name}.pdf`);
}

export async function pdfText(pdf: string, layout = false): Promise<string> {
  await need('pdftotext');
  return (await run('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { maxBuffer: 16 * 1024 * 1024 })).stdout;
}

export async function pdfFonts(pdf: string): Promise<string> {
  await need('pdffonts');
  return (await run('pdffonts', [pdf])).stdout;
}

/** The first page as a PNG at `dpi`; returns its path. */
export async function pdfPagePng(pdf: string, out: string, dpi = 60): Promise<string> {
  await need('pdftoppm');
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, out]);
  return `${out}.png`;
}

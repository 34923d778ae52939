/** Loads the document templates (templates/index.json + plain-text files) once. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTemplate, type Template, type TemplateEntry } from '../shared/text/templates';

export function loadTemplates(dir: string): Map<string, Template> {
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as TemplateEntry[];
  return new Map(index.map((entry) => [entry.id, parseTemplate(entry, readFileSync(path.join(dir, entry.file), 'utf8'))]));
}

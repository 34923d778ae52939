/** Templates are resolutions in the plain-text form, listed in templates/index.json. */
import type { Resolution } from '../model/types';
import { parseResolutionText } from './parse-resolution';

export interface TemplateEntry {
  id: string;
  name: string;
  body: string;
  description: string;
  file: string;
}

export interface Template {
  id: string;
  name: string;
  body: string;
  description: string;
  resolution: Resolution;
}

export function parseTemplate(entry: TemplateEntry, text: string): Template {
  const resolution = parseResolutionText(text);
  // Placeholders carry no import facts: a new draft is written in the editor.
  for (const p of [...resolution.preamble, ...resolution.operative]) delete p.imported;
  return { id: entry.id, name: entry.name, body: entry.body, description: entry.description, resolution };
}

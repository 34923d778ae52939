/** Entry point of the importer: decides what kind of document a text is. */
import type { ImportedDocument } from '../model/types';
import { splitBlocks } from './blocks';
import { ImportError } from './errors';
import type { ImportOptions } from './ids';
import { parseNumberedText } from './parse-numbered';
import { isAuthorityLine, parseResolutionText } from './parse-resolution';

export { ImportError } from './errors';
export type { ImportOptions } from './ids';
export { parseResolutionText } from './parse-resolution';
export { parseNumberedText } from './parse-numbered';

export function parseDocumentText(text: string, options: ImportOptions = {}): ImportedDocument {
  if (typeof text !== 'string' || !text.trim()) throw new ImportError('The text is empty.');
  if (splitBlocks(text).some(isAuthorityLine)) return { kind: 'resolution', resolution: parseResolutionText(text, options) };
  return { kind: 'numbered', document: parseNumberedText(text, options) };
}

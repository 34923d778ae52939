/**
 * What the corpus says about acts, for the citation checks: the adopted
 * resolutions themselves (number, date, title) and the citations they make.
 * Newer adopted texts win; drafts and working-group texts are not authorities.
 */
import type { CitationCorpus } from '../../shared/validation/citations';
import { seedCorpusDocuments } from '../corpus/seeds';
import { buildActRegistry, citationCorpusOf } from '../language/acts';
import type { CorpusDocument } from '../language/corpus';

export function buildCitationCorpus(documents: readonly CorpusDocument[] = seedCorpusDocuments()): CitationCorpus {
  return citationCorpusOf(buildActRegistry(documents, { adoptedOnly: true }));
}

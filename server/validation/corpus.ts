/**
 * What the corpus says about acts, for the citation checks: the adopted
 * resolutions themselves (number, date, title) and the citations they make.
 * Newer adopted texts win; drafts and working-group texts are not authorities.
 */
import { formatLongDate } from '../../shared/text/dates';
import { plainText } from '../../shared/model/text';
import { actKey, ownBodyOf, parseCitations, type CitationCorpus } from '../../shared/validation/citations';
import { loadSeeds, type Seed } from '../corpus/seeds';

export function buildCitationCorpus(seeds: Seed[] = loadSeeds()): CitationCorpus {
  const acts: CitationCorpus['acts'] = {};
  const adopted = seeds.filter((s) => s.meta.status === 'adopted' && s.document.kind === 'resolution').sort((a, b) => b.meta.date.localeCompare(a.meta.date));
  for (const seed of adopted) {
    if (seed.document.kind !== 'resolution') continue;
    const res = seed.document.resolution;
    const own = ownBodyOf(res.authority, res.masthead.body);
    const source = `${seed.meta.act ?? seed.meta.description} (adopted ${formatLongDate(seed.meta.date)})`;
    const self = /^(resolution|decision) (\d+\/\d+)$/.exec(seed.meta.act ?? '');
    if (self) {
      const key = actKey({ body: 'own', kind: self[1] as 'resolution', number: self[2] }, own);
      acts[key] = { date: seed.meta.date, title: plainText(res.title) || undefined, source: `the text of ${seed.meta.act}` };
    }
    for (const p of [...res.preamble, ...res.operative]) {
      for (const c of parseCitations(plainText(p.content))) {
        const key = actKey(c, own);
        const entry = (acts[key] ??= { source });
        if (!entry.date && c.date) entry.date = c.date;
        if (!entry.title && c.title) entry.title = c.title;
      }
    }
  }
  return { acts };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseResolutionText } from '../../../shared/text/parse';
import { DRAFT_L5 } from '../../../test/support/draft';
import { docxPart } from '../../../test/support/unzip';
import { plainLayout } from '../layout';
import { compilationToDocx, resolutionToDocx } from './index';
import { proposalLine } from './compilation';

const dir = mkdtempSync(join(tmpdir(), 'penholder-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The visible text of a WordprocessingML part, paragraph by paragraph. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('Word documents', () => {
  it('a resolution in UN layout: A4, Times New Roman 10 pt, masthead, sponsors line, numbered paragraphs, footnote', async () => {
    const res = parseResolutionText(DRAFT_L5);
    const docx = new Uint8Array(await resolutionToDocx(plainLayout(res)));
    const xml = docxPart(dir, docx);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docxPart(dir, docx, 'word/styles.xml')).toMatch(/Times New Roman/);
    const text = paragraphs(xml);
    expect(text).toContain('CTOC/COP/2024/L.5');
    expect(text).toContain('Distr.: Limited');
    expect(text).toContain('14 October 2024');
    expect(text).toContain('Mexico: draft resolution');
    expect(text).toContain('1.\tUrges States parties to implement the Convention and the Protocols thereto;');
    expect(text).toContain('(a)\tto provide extrabudgetary resources for the purposes of the present resolution;');
    expect(xml).toContain('<w:footnoteReference w:id="1"/>');
    expect(paragraphs(docxPart(dir, docx, 'word/footnotes.xml'))).toContain('United Nations, Treaty Series, vol. 2225, No. 39574.');
  });

  it('the compilation text: each paragraph, then its proposals labelled with their delegations', async () => {
    const masthead = parseResolutionText(DRAFT_L5).masthead;
    const docx = new Uint8Array(
      await compilationToDocx({
        masthead,
        title: 'Strengthening international cooperation',
        entries: [
          {
            label: 'OP5',
            text: 'Requests the Secretariat to report on the implementation;',
            proposals: [
              { label: 'OP5', delegation: 'Mexico', kind: 'replace', text: 'Requests the Secretariat to report annually on the implementation;', justification: 'Agreed language from resolution 10/2' },
              { label: 'OP5 alt', delegation: 'European Union', kind: 'alternative', text: 'Invites the Secretariat to report on the implementation;' },
            ],
          },
          { label: 'OP7', text: 'Decides to remain seized of the matter.', proposals: [{ label: 'OP7', delegation: 'United States', kind: 'delete' }] },
        ],
      }),
    );
    const text = paragraphs(docxPart(dir, docx));
    expect(text).toContain('Compilation of proposals');
    expect(text).toContain('OP5  Requests the Secretariat to report on the implementation;');
    expect(text).toContain('OP5 (Mexico): Requests the Secretariat to report annually on the implementation;');
    expect(text).toContain('Agreed language from resolution 10/2');
    expect(text).toContain('OP5 alt (European Union): Invites the Secretariat to report on the implementation;');
    expect(text).toContain('OP7 (United States: delete)');
    expect(proposalLine({ label: 'OP7', delegation: 'United States', kind: 'delete' })).toBe('OP7 (United States: delete)');
  });
});

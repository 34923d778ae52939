import { describe, expect, it } from 'vitest';
import { textContent } from '../model/text';
import { parseResolutionText } from '../text/parse';
import { proposalsFromUnsent, UNSENT_JUSTIFICATION } from './unsent';

const server = parseResolutionText(`The General Assembly,

*Recalling* its previous resolutions on the subject,

1. *Welcomes* the report of the Secretary-General;

2. *Requests* the Secretary-General to submit a report;

(a) on the first matter;

(b) on the second matter;

3. *Decides* to remain seized of the matter.
`);
const MEXICO = { delegation: 'Mexico', name: 'Ana' };

describe('proposalsFromUnsent', () => {
  it('nothing changed offline: nothing to propose', () => {
    expect(proposalsFromUnsent(server, structuredClone(server), MEXICO)).toEqual({ proposals: [], notCarried: [] });
  });

  it('new wording, a new paragraph after the one before it, a deletion; each from the delegation, with a justification', () => {
    const local = structuredClone(server);
    const [op1, op2, op3] = local.operative;
    op1.content = textContent('Welcomes with appreciation the report of the Secretary-General;');
    op2.subparagraphs[1].content = textContent('on the second and third matters;');
    local.operative = [op1, op2, { ...op2, id: 'pnew', content: textContent('Calls upon States to act;'), subparagraphs: [] }];
    void op3; // deleted offline
    const { proposals, notCarried } = proposalsFromUnsent(server, local, MEXICO);
    expect(notCarried).toEqual([]);
    expect(proposals).toEqual([
      { kind: 'text', paragraph: op1.id, base: 'Welcomes the report of the Secretary-General;', text: 'Welcomes with appreciation the report of the Secretary-General;', ...MEXICO, justification: UNSENT_JUSTIFICATION },
      { kind: 'text', paragraph: op2.subparagraphs[1].id, base: 'on the second matter;', text: 'on the second and third matters;', ...MEXICO, justification: UNSENT_JUSTIFICATION },
      { kind: 'new', text: 'Calls upon States to act;', after: { paragraph: op2.id, section: 'operative' }, ...MEXICO, justification: UNSENT_JUSTIFICATION },
      { kind: 'delete', paragraph: server.operative[2].id, base: 'Decides to remain seized of the matter.', ...MEXICO, justification: UNSENT_JUSTIFICATION },
    ]);
  });

  it('a new first operative paragraph goes first; subparagraphs added or deleted alone are reported, not proposed', () => {
    const local = structuredClone(server);
    const op2 = local.operative[1];
    op2.subparagraphs = [op2.subparagraphs[0], { ...op2.subparagraphs[0], id: 'snew', content: textContent('on a new matter;') }];
    local.operative.unshift({ ...local.operative[0], id: 'pfirst', content: textContent('Stresses the urgency;'), subparagraphs: [] });
    const { proposals, notCarried } = proposalsFromUnsent(server, local, MEXICO);
    expect(proposals.map((p) => [p.kind, p.text, p.after])).toEqual([['new', 'Stresses the urgency;', { paragraph: null, section: 'operative' }]]);
    expect(notCarried).toEqual(['new subparagraph OP3(b)', 'deletion of OP2(b)']);
  });
});

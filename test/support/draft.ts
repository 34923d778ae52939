/** A small draft of the COP to UNTOC in the plain-text form, valid (no errors), with subparagraphs. */
export const DRAFT_L5 = `## Conference of the Parties to the United Nations Convention against Transnational Organized Crime

CTOC/COP/2024/L.5

Distr.: Limited 14 October 2024

Original: English

Twelfth session

Vienna, 14–18 October 2024

Agenda item 2

Mexico: draft resolution

## Strengthening international cooperation against transnational organized crime

The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,

*Recalling* the functions assigned to it in article 32 of the United Nations Convention against Transnational Organized Crime,<sup>1</sup>

*Reaffirming* its previous resolutions on the subject,

*Deeply concerned* about the growth of transnational organized crime,

1. *Urges* States parties to implement the Convention and the Protocols thereto;

2. *Requests* the United Nations Office on Drugs and Crime to continue to assist States parties, upon request, in their efforts to implement the present resolution;

3. *Invites* Member States:

(a) to provide extrabudgetary resources for the purposes of the present resolution;

(b) to share information on good practices;

4. *Decides* to remain seized of the matter.

---

<sup>1</sup> United Nations, *Treaty Series*, vol. 2225, No. 39574.
`;

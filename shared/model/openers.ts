/**
 * Opening phrases of resolution paragraphs (spec §2 and §3, extended with
 * common UN usage). One list each, shared by the editor (italics), the
 * exporter and the rules engine. Longer phrases are matched first.
 */

export const PREAMBULAR_OPENERS: readonly string[] = [
  'Acknowledging', 'Acknowledging with appreciation', 'Affirming', 'Alarmed', 'Alarmed by', 'Appreciating',
  'Aware', 'Bearing in mind', 'Believing', 'Cognizant', 'Commending', 'Concerned', 'Conscious',
  'Considering', 'Convinced', 'Declaring', 'Deeply alarmed', 'Deeply concerned', 'Deeply conscious',
  'Deeply convinced', 'Deeply disturbed', 'Deeply regretting', 'Deploring', 'Desiring', 'Determined',
  'Emphasizing', 'Encouraged', 'Endorsing', 'Expecting', 'Expressing its appreciation',
  'Expressing its concern', 'Expressing its conviction', 'Expressing its satisfaction',
  'Expressing its deep concern', 'Expressing its gratitude', 'Expressing deep concern', 'Fulfilling',
  'Fully aware', 'Fully believing', 'Further deploring', 'Further recalling', 'Gravely concerned',
  'Guided by', 'Having adopted', 'Having considered', 'Having examined', 'Having heard',
  'Having received', 'Having reviewed', 'Having studied', 'Highlighting', 'Inviting', 'Keeping in mind',
  'Mindful', 'Noting', 'Noting with appreciation', 'Noting with concern', 'Noting with deep concern',
  'Noting with grave concern', 'Noting with regret', 'Noting with satisfaction', 'Observing',
  'Reaffirming', 'Realizing', 'Recalling', 'Recognizing', 'Recognizing with appreciation', 'Referring',
  'Regretting', 'Reiterating', 'Reiterating its concern', 'Remaining concerned',
  'Remaining deeply concerned', 'Reminding', 'Seeking', 'Seized of', 'Stressing', 'Taking into account',
  'Taking into consideration', 'Taking note', 'Taking note with appreciation', 'Underlining',
  'Underscoring', 'Viewing with appreciation', 'Welcoming', 'Welcoming also', 'Worried',
];

export const OPERATIVE_VERBS: readonly string[] = [
  'Accepts', 'Acknowledges', 'Acknowledges with appreciation', 'Adopts', 'Affirms', 'Agrees', 'Appeals',
  'Appeals to', 'Applauds', 'Approves', 'Assures', 'Authorizes', 'Calls', 'Calls for', 'Calls upon',
  'Calls on', 'Commends', 'Concurs', 'Condemns', 'Confirms', 'Congratulates', 'Considers', 'Decides',
  'Declares', 'Demands', 'Deplores', 'Designates', 'Directs', 'Draws attention', 'Emphasizes',
  'Encourages', 'Endorses', 'Establishes', 'Expresses', 'Expresses its appreciation',
  'Expresses its concern', 'Expresses its deep concern', 'Expresses its gratitude', 'Expresses its hope',
  'Expresses its satisfaction', 'Expresses its support', 'Expresses its conviction', 'Highlights',
  'Instructs', 'Invites', 'Notes', 'Notes with appreciation', 'Notes with concern',
  'Notes with satisfaction', 'Proclaims', 'Reaffirms', 'Recalls', 'Recognizes', 'Recommends',
  'Regrets', 'Reiterates', 'Reminds', 'Renews its appeal', 'Renews its call', 'Requests', 'Resolves',
  'Stresses', 'Strongly condemns', 'Strongly encourages', 'Strongly urges', 'Supports',
  'Takes note', 'Takes note of', 'Takes note with appreciation', 'Takes note with appreciation of',
  'Takes note with interest', 'Underlines', 'Underscores', 'Urges', 'Welcomes',
  'Welcomes with appreciation', 'Welcomes also',
];

/** Adverbs that follow a repeated preambular opener: *Recalling also*. */
export const PREAMBULAR_FOLLOWING_ADVERBS: readonly string[] = ['also', 'further', 'once again', 'again', 'in particular'];

/** Adverbs that precede a repeated operative verb: *Also requests*, *Further requests*. */
export const OPERATIVE_LEADING_ADVERBS: readonly string[] = ['Also', 'Further', 'Once again', 'Again', 'Further strongly', 'Also strongly'];

const lower = (s: string) => s.toLowerCase();
const byLengthDesc = (a: string, b: string) => b.length - a.length;

export const PREAMBULAR_SET: ReadonlySet<string> = new Set(PREAMBULAR_OPENERS.map(lower));
export const OPERATIVE_SET: ReadonlySet<string> = new Set(OPERATIVE_VERBS.map(lower));
export const PREAMBULAR_BY_LENGTH = [...PREAMBULAR_OPENERS].sort(byLengthDesc);
export const OPERATIVE_BY_LENGTH = [...OPERATIVE_VERBS].sort(byLengthDesc);

/** The first verb word of each operative verb phrase ("calls", "takes", "decides"). */
export const OPERATIVE_FIRST_WORDS: ReadonlySet<string> = new Set(OPERATIVE_VERBS.map((v) => lower(v.split(' ')[0])));
export const PREAMBULAR_FIRST_WORDS: ReadonlySet<string> = new Set(PREAMBULAR_OPENERS.map((v) => lower(v.split(' ')[0])));

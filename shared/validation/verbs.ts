/** Operative verb ⇄ participle, for suggested fixes: "Decides" ⇄ "Deciding". */
import { OPERATIVE_VERBS, PREAMBULAR_OPENERS } from '../model/openers';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Decides" → "Deciding", "Calls upon" → "Calling upon", "Stresses" → "Stressing". */
export function participleOf(verbPhrase: string): string {
  const [verb, ...rest] = verbPhrase.split(' ');
  const v = verb.toLowerCase();
  let stem: string;
  if (/(ss|sh|ch|x|z)es$/.test(v)) stem = v.slice(0, -2);
  else if (v.endsWith('ies')) stem = v.slice(0, -3) + 'y';
  else if (v.endsWith('s')) stem = v.slice(0, -1);
  else stem = v;
  let ing: string;
  if (/[^aeiou]e$/.test(stem) && !stem.endsWith('ee')) ing = stem.slice(0, -1) + 'ing';
  else ing = stem + 'ing';
  return [capitalize(ing), ...rest].join(' ');
}

const FINITE_BY_PARTICIPLE = new Map<string, string>();
for (const verb of OPERATIVE_VERBS) FINITE_BY_PARTICIPLE.set(participleOf(verb).toLowerCase(), verb);

/** "Recalling" → "Recalls", "Noting with concern" → "Notes with concern"; null when unknown. */
export function finiteVerbOf(participlePhrase: string): string | null {
  const words = participlePhrase.split(' ');
  for (let n = words.length; n > 0; n--) {
    const finite = FINITE_BY_PARTICIPLE.get(words.slice(0, n).join(' ').toLowerCase());
    if (finite) return [finite, ...words.slice(n)].join(' ');
  }
  return null;
}

export const KNOWN_PREAMBULAR = PREAMBULAR_OPENERS;

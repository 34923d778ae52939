/**
 * The words of the corpus, each with a number, and the two lookups that make
 * typing forgiving: words one typo away (a deletion neighbourhood, as in
 * SymSpell: a substitution, insertion or deletion shares a one-letter
 * deletion with the right word) and completions of a half-typed last word.
 */

/** Words shorter than this are matched exactly: "of"/"or" must not be typos of each other. */
const MIN_FUZZY_LENGTH = 4;

const deletions = (word: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
};

/** Edit distance ≤ 1 (substitution, insertion or deletion). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export class Vocabulary {
  private ids = new Map<string, number>();
  readonly words: string[] = [];
  private neighbours: Map<string, number[]> | null = null;
  private sorted: number[] | null = null;

  /** The number of a word, adding it if new. */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.neighbours = null;
      this.sorted = null;
    }
    return id;
  }

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  get size(): number {
    return this.words.length;
  }

  /** Known words within one edit of `word` (not the word itself). */
  near(word: string): number[] {
    if (word.length < MIN_FUZZY_LENGTH) return [];
    const table = (this.neighbours ??= this.buildNeighbours());
    const found = new Set<number>();
    for (const key of [word, ...deletions(word)]) {
      for (const id of table.get(key) ?? []) if (withinOneEdit(word, this.words[id])) found.add(id);
    }
    const self = this.ids.get(word);
    if (self !== undefined) found.delete(self);
    return [...found];
  }

  /** Known words that start with `prefix` (a word still being typed), at most `max`. */
  completions(prefix: string, max = 24): number[] {
    const sorted = (this.sorted ??= this.words.map((_, i) => i).sort((a, b) => (this.words[a] < this.words[b] ? -1 : 1)));
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && out.length < max && this.words[sorted[i]].startsWith(prefix); i++) out.push(sorted[i]);
    return out;
  }

  private buildNeighbours(): Map<string, number[]> {
    const table = new Map<string, number[]>();
    const add = (key: string, id: number) => {
      const list = table.get(key);
      if (list) list.push(id);
      else table.set(key, [id]);
    };
    this.words.forEach((w, id) => {
      if (w.length < MIN_FUZZY_LENGTH - 1) return;
      add(w, id);
      if (w.length >= MIN_FUZZY_LENGTH) for (const d of new Set(deletions(w))) add(d, id);
    });
    return table;
  }
}

/**
 * Paragraph identities. Random, short, URL-safe; generated on whichever side
 * creates the paragraph (server on import, editor on split/paste).
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newParagraphId(): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let id = 'p';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

export function newFootnoteId(): string {
  return 'f' + newParagraphId().slice(1);
}

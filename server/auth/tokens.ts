/**
 * Secrets handed to people (invitations, sessions, the admin token). Only
 * their SHA-256 is stored, so a copy of the database gives no way in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'inv' | 'ses' | 'adm';

/** 32 random bytes; the prefix says what the token is for, so a misplaced one gets a clear error. */
export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export const kindOf = (token: string): TokenKind | null => {
  const prefix = token.slice(0, 4);
  return prefix === 'inv_' || prefix === 'ses_' || prefix === 'adm_' ? (prefix.slice(0, 3) as TokenKind) : null;
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export const expiresAt = (ttlMs: number, now = Date.now()) => new Date(now + ttlMs).toISOString();
export const isExpired = (iso: string, now = Date.now()) => Date.parse(iso) <= now;

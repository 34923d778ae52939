/**
 * Starts the real server on an ephemeral port with a temporary DATA_DIR and
 * a known administrator token, and signs participants in the way a person
 * does: an invitation from the administrator, redeemed for a session token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParticipantRole } from '../../shared/auth/roles';
import { startServer, type RunningServer, type ServerOptions } from '../../server/app';
import { createLogger, type Logger } from '../../server/log';

export const TEST_ADMIN_TOKEN = 'adm_test-administrator-token';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Log lines written by the server (warnings and errors). */
  lines: string[];
  wsUrl: string;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestServer(options: Partial<ServerOptions> & { dataDir: string }): Promise<TestServer> {
  const lines: string[] = [];
  const logger: Logger = options.logger ?? createLogger('warn', (line) => lines.push(line));
  const server = await startServer({ port: 0, adminToken: TEST_ADMIN_TOKEN, ...options, logger });
  return { ...server, dataDir: options.dataDir, lines, wsUrl: server.url.replace(/^http/, 'ws') + '/collab' };
}

/** Headers that authenticate as the administrator (or with `token`). */
export const bearer = (token: string = TEST_ADMIN_TOKEN) => ({ Authorization: `Bearer ${token}` });

/** fetch against the server's API, as the administrator unless another token is given (null: no token). */
export function apiFetch(server: { url: string }, path: string, init: RequestInit & { token?: string | null; json?: unknown } = {}): Promise<Response> {
  const { token, json, ...rest } = init;
  const headers: Record<string, string> = { ...(rest.headers as Record<string, string> | undefined) };
  if (token !== null) Object.assign(headers, bearer(token ?? TEST_ADMIN_TOKEN));
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${server.url}${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
}

export async function createDocument(server: { url: string }, body: unknown): Promise<string> {
  const res = await apiFetch(server, '/api/documents', { method: 'POST', json: body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export interface Invitation {
  participantId: string;
  /** The single-use invitation token and its sign-in link. */
  invitation: string;
  link: string;
}

/** The administrator invites a participant; the invitation is not redeemed yet. */
export async function createInvitation(server: { url: string }, documentId: string, who: { delegation: string; role?: ParticipantRole; name?: string }, asToken?: string): Promise<Invitation> {
  const res = await apiFetch(server, `/api/documents/${documentId}/invitations`, { method: 'POST', json: { ...who, role: who.role ?? 'delegation' }, token: asToken });
  if (res.status !== 201) throw new Error(`invitation failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { participant: { id: string }; token: string; link: string };
  return { participantId: body.participant.id, invitation: body.token, link: body.link };
}

/** Redeems an invitation for a session token. */
export async function redeem(server: { url: string }, invitation: string): Promise<string> {
  const res = await apiFetch(server, '/api/session', { method: 'POST', json: { invitation }, token: null });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Invites and signs in: a session token of a participant of the document. */
export async function invite(server: { url: string }, documentId: string, who: { delegation: string; role?: ParticipantRole; name?: string }): Promise<{ token: string; participantId: string }> {
  const inv = await createInvitation(server, documentId, who);
  return { token: await redeem(server, inv.invitation), participantId: inv.participantId };
}

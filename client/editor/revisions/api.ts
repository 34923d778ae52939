/** The revisions API as the panel uses it: typed bodies, errors as Error(message). */
import type { Comparison } from '../../../shared/compare/compare';

export interface RevisionInfo {
  number: number;
  symbol: string;
  date: string;
  sponsors: string[];
  seq: number;
  issuedAt: string;
  issuedBy: { delegation: string | null; name: string | null; role: string };
  overrideReason: string | null;
  overriddenErrors: string[];
}

export interface RefusalDiagnostic {
  rule: string;
  label: string;
  message: string;
}

export interface CompareResult extends Comparison {
  from: { label: string; seq: number; revision: number | null };
  to: { label: string; seq: number; revision: number | null };
}

/** A refusal to issue: the validation errors the secretariat may override. */
export class IssueRefused extends Error {
  constructor(
    message: string,
    readonly diagnostics: RefusalDiagnostic[],
  ) {
    super(message);
  }
}

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

async function json<T>(res: Response): Promise<T> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new Error(`${res.status} ${res.statusText}`);
  }
  if (!res.ok) {
    const b = body as { error?: string; diagnostics?: RefusalDiagnostic[] };
    if (res.status === 409 && b.diagnostics) throw new IssueRefused(b.error ?? 'Refused', b.diagnostics);
    throw new Error(b.error ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

export async function listRevisions(documentId: string): Promise<RevisionInfo[]> {
  return (await json<{ revisions: RevisionInfo[] }>(await fetch(`${base(documentId)}/revisions`, { credentials: 'same-origin' }))).revisions;
}

export async function issueRevision(documentId: string, body: { symbol: string; date: string; sponsors: string[]; override?: { reason: string } }): Promise<RevisionInfo> {
  const res = await fetch(`${base(documentId)}/revisions`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await json<{ revision: RevisionInfo }>(res)).revision;
}

export async function compareVersions(documentId: string, from: string, to: string, signal?: AbortSignal): Promise<CompareResult> {
  const q = new URLSearchParams({ from, to });
  return json<CompareResult>(await fetch(`${base(documentId)}/compare?${q}`, { credentials: 'same-origin', signal }));
}

export const outputUrl = (documentId: string, kind: 'export.docx' | 'print' | 'text', version: string, changesSince?: string) => {
  const q = new URLSearchParams({ version });
  if (changesSince) q.set('changesSince', changesSince);
  return `${base(documentId)}/${kind}?${q}`;
};

/** Downloads a Word file (with the server's error shown if it fails). */
export async function downloadDocx(url: string, fileName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) await json(res);
  const blob = await res.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The facilitator's decisions on proposals (POST /api/documents/:id/proposals/…). */
export class DecisionError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function postDecision(documentId: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`/api/documents/${encodeURIComponent(documentId)}/proposals/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // not JSON
  }
  if (!res.ok) throw new DecisionError((json as { error?: string } | null)?.error ?? `${res.status} ${res.statusText}`, res.status);
  return json;
}

export const compilationTextUrl = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/compilation.txt`;
export const compilationDocxUrl = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/compilation.docx`;

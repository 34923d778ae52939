/**
 * Proposals: the list, the compilation (JSON and text), and the
 * facilitator's decisions — accept / reject one, all of a delegation or all
 * on a paragraph, and undo the last decision(s). Making and withdrawing a
 * proposal is a write to the Y.Doc by the delegation itself (see
 * shared/proposals/ydoc.ts); the mode is switched the same way.
 */
import { Hono, type Context } from 'hono';
import type * as Y from 'yjs';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { compilationOutline, compile, compilationToText } from '../../shared/proposals/compilation';
import { compilationToDocx } from '../export/docx';
import { proposalLabels } from '../../shared/proposals/labels';
import { readMode, readProposals } from '../../shared/proposals/ydoc';
import { requireDocumentAccess, requireRole, type AuthEnv } from '../auth/middleware';
import { apiContext } from '../auth/api-context';
import { ProposalError, type ProposalService, type Selector } from '../proposals/service';
import { apiError } from './errors';

const DECIDERS = ['facilitator', 'secretariat'] as const;

const deciderContext = apiContext;

/** The JSON body, or {} when there is none; a clear 400 when it is not a JSON object. */
async function optionalBody(c: Context): Promise<Record<string, unknown>> {
  const raw = await c.req.text();
  if (!raw.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw apiError(400, 'The body must be JSON, e.g. {"force": true}');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiError(400, 'The body must be a JSON object');
  return body as Record<string, unknown>;
}

function forceOf(body: Record<string, unknown>): boolean {
  if (body.force !== undefined && typeof body.force !== 'boolean') throw apiError(400, '"force" must be true or false');
  return body.force === true;
}

const asApiError = (err: unknown) => (err instanceof ProposalError ? apiError(err.status, err.message) : err);

export const proposalRoutes = (service: ProposalService) => {
  const live = async <T,>(id: string, read: (ydoc: Y.Doc) => T): Promise<T> => {
    const result = await service.read(id, read);
    if (result === null) throw apiError(404, `No document with id "${id}"`);
    return result;
  };
  const compilationOf = (id: string) =>
    live(id, (ydoc) => {
      const resolution = readResolutionFromYDoc(ydoc);
      return { resolution, entries: compile(resolution, readProposals(ydoc)) };
    });

  const decide = (action: 'accept' | 'reject', selectorOf: (c: Context<AuthEnv>, body: Record<string, unknown>) => Selector) => async (c: Context<AuthEnv>) => {
    const id = c.req.param('id')!;
    const body = await optionalBody(c);
    const selector = selectorOf(c, body);
    try {
      return c.json(await service.decide(id, selector, action, deciderContext(c, id), forceOf(body)));
    } catch (err) {
      throw asApiError(err);
    }
  };
  const bulkSelector = (_c: Context<AuthEnv>, body: Record<string, unknown>): Selector => {
    if (typeof body.delegation === 'string' && body.delegation) return { delegation: body.delegation };
    if (typeof body.paragraph === 'string' && body.paragraph) return { paragraph: body.paragraph };
    throw apiError(400, 'Give {"delegation": "<name>"} (all pending proposals of a delegation) or {"paragraph": "<paragraph id>"} (all on a paragraph)');
  };
  const oneSelector = (c: Context<AuthEnv>): Selector => ({ proposal: c.req.param('pid')! });

  return new Hono<AuthEnv>()
    .get('/:id/proposals', requireDocumentAccess, async (c) => {
      const id = c.req.param('id');
      return c.json(
        await live(id, (ydoc) => {
          const resolution = readResolutionFromYDoc(ydoc);
          const proposals = readProposals(ydoc);
          const labels = proposalLabels(resolution, proposals);
          return { mode: readMode(ydoc), proposals: proposals.map((p) => ({ ...p, label: labels.get(p.id) ?? null })) };
        }),
      );
    })
    .get('/:id/compilation', requireDocumentAccess, async (c) => {
      const { entries } = await compilationOf(c.req.param('id'));
      return c.json({
        entries: entries.map((e) => ({
          paragraph: e.paragraph,
          proposals: e.proposals.map((p) => ({ id: p.proposal.id, label: p.label, heading: p.heading, kind: p.proposal.kind, delegation: p.proposal.delegation, text: p.text, justification: p.proposal.justification, stale: p.stale, diff: p.diff ?? null })),
        })),
      });
    })
    .get('/:id/compilation.txt', requireDocumentAccess, async (c) => {
      const { resolution, entries } = await compilationOf(c.req.param('id'));
      const title = resolution.title.map((n) => (n.type === 'text' ? n.text : '')).join('');
      const text = compilationToText(entries, { symbol: resolution.masthead.symbol, title, at: new Date().toISOString() });
      return c.body(text, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="compilation-${c.req.param('id')}.txt"` });
    })
    .get('/:id/compilation.docx', requireDocumentAccess, async (c) => {
      const { resolution, entries } = await compilationOf(c.req.param('id'));
      const docx = await compilationToDocx(compilationOutline(resolution, entries));
      return c.body(new Uint8Array(docx), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': `attachment; filename="compilation-${c.req.param('id')}.docx"`,
      });
    })
    .post('/:id/proposals/undo', requireRole(...DECIDERS), async (c) => {
      const id = c.req.param('id');
      try {
        return c.json(await service.undo(id, deciderContext(c, id)));
      } catch (err) {
        throw asApiError(err);
      }
    })
    .post('/:id/proposals/accept', requireRole(...DECIDERS), decide('accept', bulkSelector))
    .post('/:id/proposals/reject', requireRole(...DECIDERS), decide('reject', bulkSelector))
    .post('/:id/proposals/:pid/accept', requireRole(...DECIDERS), decide('accept', oneSelector))
    .post('/:id/proposals/:pid/reject', requireRole(...DECIDERS), decide('reject', oneSelector));
};

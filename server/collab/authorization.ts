/**
 * The pipeline's authorize hooks: who may write, and with which Yjs client ids.
 *
 * - Observers read only: an update of theirs that would change anything is
 *   refused and logged, but the connection stays open (presence works).
 * - A Yjs client id belongs to the delegation that first wrote with it. The
 *   server learns this from the structs of accepted updates, persists it, and
 *   refuses an update with new structs under a client id owned by another
 *   delegation (someone writing "as" another delegation). Deletions carry no
 *   client id of their own: they are attributed by the update log.
 */
import { CLOSE } from '../../shared/protocol/messages';
import type { Logger } from '../log';
import type { ClientAuthor, ParticipantStore } from '../storage/participant-store';
import type { ConnectionContext } from './context';
import type { CollabDocument } from './document';
import { RefusedUpdate } from './pipeline';
import { changesAnything, noveltyOf } from './update-novelty';

/**
 * Scale-out: brings this node's copy up to date with the shared log. A client
 * that fails over from another node re-sends what it received there, which
 * this node may not have yet: before refusing an update as someone else's
 * (or as an observer's write), the hooks catch up and look again.
 */
export type CatchUp = (doc: CollabDocument) => Promise<void>;

type AuthorizeHook = (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array) => void | Promise<void>;

/** Any rule that refuses by what an update writes: in scale-out, judged again after catching up before it refuses. */
export function judgedAfterCatchUp(rule: AuthorizeHook, catchUp?: CatchUp): AuthorizeHook {
  if (!catchUp) return rule;
  return async (ctx, doc, update) => {
    try {
      await rule(ctx, doc, update);
    } catch (err) {
      if (!(err instanceof RefusedUpdate)) throw err;
      await catchUp(doc);
      await rule(ctx, doc, update);
    }
  };
}

export function refuseObserverWrites(log: Logger, catchUp?: CatchUp) {
  return async (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): Promise<void> => {
    if (ctx.role !== 'observer') return;
    if (!changesAnything(noveltyOf(doc.ydoc, update))) return;
    if (catchUp) {
      await catchUp(doc);
      if (!changesAnything(noveltyOf(doc.ydoc, update))) return;
    }
    log.warn('refused an observer update', { conn: ctx.connectionId, doc: doc.id, delegation: ctx.identity.delegation });
    throw new RefusedUpdate('Observers cannot change the document', CLOSE.forbidden, true);
  };
}

const authorOf = (ctx: ConnectionContext, clientId: number): ClientAuthor => ({
  clientId,
  delegation: ctx.identity.delegation,
  name: ctx.identity.name,
  role: ctx.role,
  participantId: ctx.participantId,
});

class ForeignClientId extends RefusedUpdate {
  /** Delegation, or role for the administrator and the server (for the log). */
  readonly owner: string;
  constructor(
    readonly clientId: number,
    author: ClientAuthor,
  ) {
    super(`client id ${clientId} belongs to ${author.delegation ?? 'the server'}: write with your own client id`, CLOSE.forbidden);
    this.owner = author.delegation ?? author.role;
  }
}

/**
 * Client-id owners per open document, cached per node. With several nodes,
 * another node may have claimed an id this node has not seen: an id unknown
 * here is looked up in the store again, and a claim is checked after it is
 * written (the store keeps the first writer of an id, atomically), so two
 * nodes — or two connections of one node — cannot both win one id.
 */
export class ClientIdOwnership {
  /** Per open document: client id → author, as far as this node knows. */
  private owners = new WeakMap<CollabDocument, Map<number, ClientAuthor>>();

  constructor(
    private readonly store: ParticipantStore,
    private readonly log: Logger,
    private readonly catchUp?: CatchUp,
  ) {}

  private async refresh(doc: CollabDocument): Promise<Map<number, ClientAuthor>> {
    const owners = this.owners.get(doc) ?? new Map<number, ClientAuthor>();
    for (const a of await this.store.clientAuthors(doc.id)) owners.set(a.clientId, a);
    this.owners.set(doc, owners);
    return owners;
  }

  private refuse(clientId: number, owner: ClientAuthor): never {
    throw new ForeignClientId(clientId, owner);
  }

  authorize = async (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): Promise<void> => {
    try {
      try {
        await this.check(ctx, doc, update);
      } catch (err) {
        if (!(err instanceof ForeignClientId) || !this.catchUp) throw err;
        // Perhaps structs another node accepted and this one has not seen yet: catch up, then judge again.
        await this.catchUp(doc);
        await this.check(ctx, doc, update);
      }
    } catch (err) {
      if (err instanceof ForeignClientId) {
        this.log.warn('refused an update under another delegation’s client id', {
          conn: ctx.connectionId,
          doc: doc.id,
          delegation: ctx.identity.delegation,
          clientId: err.clientId,
          owner: err.owner,
        });
      }
      throw err;
    }
  };

  private check = async (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): Promise<void> => {
    const { newClients } = noveltyOf(doc.ydoc, update);
    if (newClients.size === 0) return;
    let owners = this.owners.get(doc);
    if (!owners || [...newClients].some((id) => !owners!.has(id))) owners = await this.refresh(doc);
    const unclaimed: ClientAuthor[] = [];
    for (const clientId of newClients) {
      const owner = owners.get(clientId);
      if (!owner) unclaimed.push(authorOf(ctx, clientId));
      else if (owner.delegation !== ctx.identity.delegation) this.refuse(clientId, owner);
    }
    if (!unclaimed.length) return;
    await this.store.claimClientIds(doc.id, unclaimed);
    // Someone else may have claimed one of these ids between the lookup and the claim: the store kept the first.
    owners = await this.refresh(doc);
    for (const { clientId } of unclaimed) {
      const owner = owners.get(clientId);
      if (owner && owner.delegation !== ctx.identity.delegation) this.refuse(clientId, owner);
    }
  };
}

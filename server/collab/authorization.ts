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

export function refuseObserverWrites(log: Logger) {
  return (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): void => {
    if (ctx.role !== 'observer') return;
    if (!changesAnything(noveltyOf(doc.ydoc, update))) return;
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
  ) {}

  private async refresh(doc: CollabDocument): Promise<Map<number, ClientAuthor>> {
    const owners = this.owners.get(doc) ?? new Map<number, ClientAuthor>();
    for (const a of await this.store.clientAuthors(doc.id)) owners.set(a.clientId, a);
    this.owners.set(doc, owners);
    return owners;
  }

  private refuse(ctx: ConnectionContext, doc: CollabDocument, clientId: number, owner: ClientAuthor): never {
    this.log.warn('refused an update under another delegation’s client id', {
      conn: ctx.connectionId,
      doc: doc.id,
      delegation: ctx.identity.delegation,
      clientId,
      owner: owner.delegation ?? owner.role,
    });
    throw new RefusedUpdate(`client id ${clientId} belongs to ${owner.delegation ?? 'the server'}: write with your own client id`, CLOSE.forbidden);
  }

  authorize = async (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): Promise<void> => {
    const { newClients } = noveltyOf(doc.ydoc, update);
    if (newClients.size === 0) return;
    let owners = this.owners.get(doc);
    if (!owners || [...newClients].some((id) => !owners!.has(id))) owners = await this.refresh(doc);
    const unclaimed: ClientAuthor[] = [];
    for (const clientId of newClients) {
      const owner = owners.get(clientId);
      if (!owner) unclaimed.push(authorOf(ctx, clientId));
      else if (owner.delegation !== ctx.identity.delegation) this.refuse(ctx, doc, clientId, owner);
    }
    if (!unclaimed.length) return;
    await this.store.claimClientIds(doc.id, unclaimed);
    // Someone else may have claimed one of these ids between the lookup and the claim: the store kept the first.
    owners = await this.refresh(doc);
    for (const { clientId } of unclaimed) {
      const owner = owners.get(clientId);
      if (owner && owner.delegation !== ctx.identity.delegation) this.refuse(ctx, doc, clientId, owner);
    }
  };
}

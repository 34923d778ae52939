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

export class ClientIdOwnership {
  /** Per open document: client id → author, loaded once from the store. */
  private owners = new WeakMap<CollabDocument, Promise<Map<number, ClientAuthor>>>();

  constructor(
    private readonly store: ParticipantStore,
    private readonly log: Logger,
  ) {}

  private ownersOf(doc: CollabDocument): Promise<Map<number, ClientAuthor>> {
    let owners = this.owners.get(doc);
    if (!owners) {
      owners = this.store.clientAuthors(doc.id).then((list) => new Map(list.map((a) => [a.clientId, a])));
      this.owners.set(doc, owners);
    }
    return owners;
  }

  authorize = async (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): Promise<void> => {
    const { newClients } = noveltyOf(doc.ydoc, update);
    if (newClients.size === 0) return;
    const owners = await this.ownersOf(doc);
    // Check and claim with no await in between, so two connections cannot both claim one id.
    const claimed: ClientAuthor[] = [];
    for (const clientId of newClients) {
      const owner = owners.get(clientId);
      if (!owner) {
        claimed.push(authorOf(ctx, clientId));
      } else if (owner.delegation !== ctx.identity.delegation) {
        this.log.warn('refused an update under another delegation’s client id', {
          conn: ctx.connectionId,
          doc: doc.id,
          delegation: ctx.identity.delegation,
          clientId,
          owner: owner.delegation ?? owner.role,
        });
        throw new RefusedUpdate(`client id ${clientId} belongs to ${owner.delegation ?? 'the server'}: write with your own client id`, CLOSE.forbidden);
      }
    }
    for (const a of claimed) owners.set(a.clientId, a);
    if (claimed.length) await this.store.claimClientIds(doc.id, claimed);
  };
}

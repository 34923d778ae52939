/**
 * Creating and reading documents outside a live session. A document's
 * initial content is written here, by the server, never seeded by a client.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { readResolutionFromYDoc, writeResolutionToYDoc } from '../../shared/editor/ydoc';
import { plainText } from '../../shared/model/text';
import type { Masthead, Resolution } from '../../shared/model/types';
import type { Template } from '../../shared/text/templates';
import type { DocumentRegistry } from '../collab/registry';
import type { DocumentMeta, DocumentStore } from '../storage/document-store';
import type { ParticipantStore } from '../storage/participant-store';

export const SYSTEM_ATTRIBUTION = { connectionId: null, delegation: null, name: 'Penholder', role: 'system' };

export function newDocumentId(): string {
  return 'd' + randomBytes(8).toString('base64url').replace(/[^A-Za-z0-9]/g, '').slice(0, 11).toLowerCase();
}

export interface DocumentServiceDeps {
  store: DocumentStore;
  registry: DocumentRegistry;
  templates: Map<string, Template>;
  /** Where the author of the initial content's client id is recorded (the server: no delegation may write as it). */
  participants?: ParticipantStore;
}

export class DocumentService {
  constructor(private readonly deps: DocumentServiceDeps) {}

  async create(resolution: Resolution, template: string | null, overrides: Partial<Masthead> = {}): Promise<DocumentMeta> {
    const res: Resolution = { ...resolution, masthead: { ...resolution.masthead, ...overrides } };
    const ydoc = new Y.Doc({ gc: false });
    writeResolutionToYDoc(res, ydoc);
    const state = Y.encodeStateAsUpdate(ydoc);
    const clientId = ydoc.clientID;
    ydoc.destroy();
    const meta = await this.deps.store.create({ id: newDocumentId(), title: plainText(res.title), symbol: res.masthead.symbol, template }, state, SYSTEM_ATTRIBUTION);
    await this.deps.participants?.claimClientIds(meta.id, [{ clientId, delegation: null, name: SYSTEM_ATTRIBUTION.name, role: 'system', participantId: null }]);
    return meta;
  }

  async list(): Promise<DocumentMeta[]> {
    return this.deps.store.list();
  }

  async meta(id: string): Promise<DocumentMeta | null> {
    return this.deps.store.get(id);
  }

  /** The current model: from the live document when open, else from storage. */
  async resolution(id: string): Promise<Resolution | null> {
    const live = await this.deps.registry.peek(id);
    if (live) return readResolutionFromYDoc(live.ydoc);
    const stored = await this.deps.store.load(id);
    if (!stored) return null;
    const ydoc = new Y.Doc({ gc: false });
    try {
      if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(ydoc, u);
      return readResolutionFromYDoc(ydoc);
    } finally {
      ydoc.destroy();
    }
  }
}

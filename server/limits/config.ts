/**
 * The abuse limits and their defaults. The defaults are generous: a fast
 * typist sends ~20 messages per second (an update and a caret move per
 * keystroke), a reconnect after an offline spell sends a burst; a whole
 * committee (193 delegations) may sit behind one conference NAT address.
 */
export interface LimitOptions {
  /** Sustained messages per second per connection (MAX_MESSAGES_PER_SECOND). */
  messagesPerSecond: number;
  /** Messages a connection may send at once above the sustained rate (MAX_MESSAGE_BURST). */
  messageBurst: number;
  /** Open collaboration connections (documents) per session (MAX_CONNECTIONS_PER_SESSION). */
  connectionsPerSession: number;
  /** Sustained upgrade attempts per second per remote address (MAX_UPGRADES_PER_SECOND). */
  upgradesPerSecond: number;
  /** Upgrade attempts an address may make at once (MAX_UPGRADE_BURST). */
  upgradeBurst: number;
  /** Upgrades being authenticated at the same time, all addresses together (MAX_PENDING_UPGRADES). */
  pendingUpgrades: number;
}

export const DEFAULT_LIMITS: LimitOptions = {
  messagesPerSecond: 200,
  messageBurst: 1000,
  connectionsPerSession: 32,
  upgradesPerSecond: 20,
  upgradeBurst: 400,
  pendingUpgrades: 256,
};

/** The environment variable of each limit (documented in the README's configuration table). */
export const LIMIT_ENV: Record<keyof LimitOptions, string> = {
  messagesPerSecond: 'MAX_MESSAGES_PER_SECOND',
  messageBurst: 'MAX_MESSAGE_BURST',
  connectionsPerSession: 'MAX_CONNECTIONS_PER_SESSION',
  upgradesPerSecond: 'MAX_UPGRADES_PER_SECOND',
  upgradeBurst: 'MAX_UPGRADE_BURST',
  pendingUpgrades: 'MAX_PENDING_UPGRADES',
};

export const resolveLimits = (partial: Partial<LimitOptions> = {}): LimitOptions => ({ ...DEFAULT_LIMITS, ...partial });

/**
 * The abuse limits of the collaboration endpoint, together: what upgrade.ts
 * and connection.ts consult. `onLimit` tells an observer (the metrics) each
 * time a limit closes or refuses a connection.
 */
import { resolveLimits, type LimitOptions } from './config';
import { MessageRate } from './message-rate';
import { SessionConnections } from './session-connections';
import { UpgradeGuard } from './upgrade-guard';

export type LimitName = 'message-rate' | 'session-connections' | 'upgrade-rate' | 'pending-upgrades';

export class CollabLimits {
  readonly options: LimitOptions;
  readonly upgrades: UpgradeGuard;
  readonly sessions: SessionConnections;
  private observers: Array<(limit: LimitName) => void> = [];

  constructor(options: Partial<LimitOptions> = {}) {
    this.options = resolveLimits(options);
    this.upgrades = new UpgradeGuard(this.options);
    this.sessions = new SessionConnections(this.options.connectionsPerSession);
  }

  /** A new rate limiter for one connection. */
  messageRate(): MessageRate {
    return new MessageRate(this.options.messagesPerSecond, this.options.messageBurst);
  }

  onLimit(observer: (limit: LimitName) => void): void {
    this.observers.push(observer);
  }

  /** Records that `limit` closed or refused a connection. */
  hit(limit: LimitName): void {
    for (const observe of this.observers) observe(limit);
  }
}

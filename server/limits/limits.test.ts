import { describe, expect, it } from 'vitest';
import { MessageRate } from './message-rate';
import { SessionConnections } from './session-connections';
import { TokenBucket } from './token-bucket';
import { UpgradeGuard } from './upgrade-guard';

/** A clock the test moves by hand. */
const manualClock = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('token bucket', () => {
  it('allows a burst, then the sustained rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(10, 5, clock.now);
    for (let i = 0; i < 10; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    clock.advance(1000); // 5 tokens back
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    clock.advance(60_000);
    expect(bucket.full()).toBe(true);
  });
});

describe('message rate', () => {
  it('lets a fast typist through and closes a flood, saying why', () => {
    const clock = manualClock();
    const rate = new MessageRate(200, 1000, clock.now);
    // A sync burst of 1000 messages at once, then 40 messages per second (a keystroke and a caret move, 20 keys/s) for a minute.
    for (let i = 0; i < 1000; i++) expect(rate.allow()).toBe(true);
    for (let s = 0; s < 60 * 40; s++) {
      clock.advance(25);
      expect(rate.allow()).toBe(true);
    }
    // A flood: 10,000 messages within one second.
    let refused = 0;
    for (let i = 0; i < 10_000; i++) {
      clock.advance(0.1);
      if (!rate.allow()) refused++;
    }
    expect(refused).toBeGreaterThan(8000);
    expect(rate.reason).toBe('too many messages: more than 200 per second');
  });
});

describe('awareness echoes', () => {
  it('a client in a 193-delegation document echoing every caret move stays within the rate', () => {
    const clock = manualClock();
    const rate = new MessageRate(200, 1000, clock.now);
    // Each second: 192 echoes of the others' carets (changing nothing) and 6 messages of its own.
    for (let s = 0; s < 120; s++) {
      for (let i = 0; i < 198; i++) {
        clock.advance(1000 / 198);
        expect(rate.allow()).toBe(true);
        if (i < 192) rate.echo();
      }
    }
  });

  it('a flood of echoes is still a flood', () => {
    const clock = manualClock();
    const rate = new MessageRate(200, 1000, clock.now);
    let refused = 0;
    for (let i = 0; i < 200_000; i++) {
      clock.advance(0.01); // 100,000 per second
      if (!rate.allow()) refused++;
      else rate.echo();
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('connections per session', () => {
  it('counts per session and gives places back once', () => {
    const sessions = new SessionConnections(2);
    const a1 = sessions.acquire('a');
    const a2 = sessions.acquire('a');
    expect(a1 && a2).toBeTruthy();
    expect(sessions.acquire('a')).toBeNull();
    expect(sessions.acquire('b')).not.toBeNull();
    a1!();
    a1!(); // twice: still one place
    expect(sessions.acquire('a')).not.toBeNull();
    expect(sessions.acquire('a')).toBeNull();
    expect(sessions.reason).toMatch(/at most 2 connections per session/);
  });
});

describe('upgrade guard', () => {
  it('limits attempts per address with a burst, each address on its own', () => {
    const clock = manualClock();
    const guard = new UpgradeGuard({ upgradesPerSecond: 1, upgradeBurst: 3, pendingUpgrades: 100 }, clock.now);
    for (let i = 0; i < 3; i++) {
      const v = guard.admit('10.0.0.1');
      expect(v.ok).toBe(true);
      if (v.ok) v.done();
    }
    const refused = guard.admit('10.0.0.1');
    expect(refused).toMatchObject({ ok: false, limit: 'upgrade-rate' });
    expect(!refused.ok && refused.error).toMatch(/Too many connection attempts from 10\.0\.0\.1: at most 1 per second/);
    expect(guard.admit('10.0.0.2').ok).toBe(true);
    clock.advance(1000);
    expect(guard.admit('10.0.0.1').ok).toBe(true);
  });

  it('caps the upgrades being authenticated at once', () => {
    const guard = new UpgradeGuard({ upgradesPerSecond: 1000, upgradeBurst: 1000, pendingUpgrades: 2 }, manualClock().now);
    const first = guard.admit('a');
    const second = guard.admit('b');
    const third = guard.admit('c');
    expect(third).toMatchObject({ ok: false, limit: 'pending-upgrades' });
    expect(guard.inFlight).toBe(2);
    if (first.ok) first.done();
    expect(guard.admit('c').ok).toBe(true);
    if (second.ok) second.done();
  });

  it('forgets addresses whose bucket has refilled', () => {
    const clock = manualClock();
    const guard = new UpgradeGuard({ upgradesPerSecond: 10, upgradeBurst: 10, pendingUpgrades: 100 }, clock.now);
    for (let i = 0; i < 1000; i++) {
      const v = guard.admit(`10.0.${i >> 8}.${i & 255}`);
      if (v.ok) v.done();
    }
    expect(guard.addresses).toBe(1000);
    clock.advance(11_000);
    guard.admit('10.9.9.9');
    expect(guard.addresses).toBe(1);
  });
});

import { randomBytes } from 'node:crypto';
import type { StaffAudit } from './staff-audit';
import type { StaffAccounts, StaffUser } from './staff-accounts';
import { StaffLoginFailedError, StaffLoginThrottledError } from './staff-errors';
import type { StaffSessions } from './staff-sessions';
import { hashPassword, needsRehash, verifyPassword } from './password-hash';

export interface StaffLoginThrottle {
  /** Failed logins for one username (since its last success) within the window before 429. */
  maxFailuresPerUsername: number;
  /** Failed logins from one address within the window before 429 (a hall may share one address). */
  maxFailuresPerIp: number;
  windowMs: number;
}

export const DEFAULT_STAFF_LOGIN_THROTTLE: StaffLoginThrottle = { maxFailuresPerUsername: 5, maxFailuresPerIp: 20, windowMs: 60_000 };

export interface StaffLoginResult {
  user: StaffUser;
  token: string;
}

/**
 * Login and logout with their audit trail. Unknown user, wrong password and disabled account give
 * the same error after the same work (one scrypt), so the answer tells nothing about which it was.
 */
export class StaffLogin {
  /** Verified against when the username is unknown, so that answer takes as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly accounts: StaffAccounts,
    private readonly sessions: StaffSessions,
    private readonly audit: StaffAudit,
    private readonly clock: () => Date,
    private readonly throttle: StaffLoginThrottle = DEFAULT_STAFF_LOGIN_THROTTLE,
  ) {}

  async login(username: string, password: string, ip: string | null): Promise<StaffLoginResult> {
    const now = this.clock();
    await this.refuseWhenThrottled(username, ip, now);
    const found = await this.accounts.find(username);
    const ok = found ? await verifyPassword(password, found.passwordHash) : await this.verifyDummy(password);
    if (!found || !ok || found.disabled) {
      await this.audit.record({ at: now, event: 'login_failed', username, userId: found?.id ?? null, ip });
      throw new StaffLoginFailedError();
    }
    if (needsRehash(found.passwordHash)) await this.accounts.replaceHash(found.id, await hashPassword(password));
    await this.sessions.purgeExpired();
    const token = await this.sessions.create(found.id);
    await this.audit.record({ at: now, event: 'login_ok', username, userId: found.id, ip });
    const { passwordHash: _hash, ...user } = found;
    return { user, token };
  }

  async logout(token: string, ip: string | null): Promise<void> {
    const ended = await this.sessions.delete(token);
    if (ended) await this.audit.record({ at: this.clock(), event: 'logout', username: ended.username, userId: ended.userId, ip });
  }

  private async refuseWhenThrottled(username: string, ip: string | null, now: Date): Promise<void> {
    const { windowMs, maxFailuresPerUsername, maxFailuresPerIp } = this.throttle;
    const since = new Date(now.getTime() - windowMs);
    const byUser = await this.audit.recentFailures({ username }, since, maxFailuresPerUsername);
    const byIp = ip === null ? [] : await this.audit.recentFailures({ ip }, since, maxFailuresPerIp);
    // Locked until the oldest failure that counts leaves the window.
    const until = Math.max(
      byUser.length >= maxFailuresPerUsername ? byUser[maxFailuresPerUsername - 1]!.getTime() + windowMs : 0,
      byIp.length >= maxFailuresPerIp ? byIp[maxFailuresPerIp - 1]!.getTime() + windowMs : 0,
    );
    if (until > now.getTime()) {
      await this.audit.record({ at: now, event: 'login_throttled', username, userId: null, ip });
      throw new StaffLoginThrottledError(Math.ceil((until - now.getTime()) / 1000));
    }
  }

  private async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
    await verifyPassword(password, await this.dummyHash);
    return false;
  }
}

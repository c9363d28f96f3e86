/**
 * Failed sign-ins per login, whatever address they come from: after `failuresBeforeBackoff` failures
 * the login must wait `backoffSeconds`, doubling with each further failure up to `backoffMaxSeconds`.
 * While it waits, no password is checked for it, right or wrong. A success forgets the failures.
 * Kept in this process's memory, for at most `MAX_LOGINS` logins (the oldest forgotten first).
 */
import type { Limits } from "../config.js";

const MAX_LOGINS = 10_000;

interface Failures {
  count: number;
  /** Epoch ms until which the login may not try again. */
  until: number;
}

export type LoginBackoffLimits = Pick<
  Limits,
  "loginFailuresBeforeBackoff" | "loginBackoffSeconds" | "loginBackoffMaxSeconds"
>;

export class LoginBackoff {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly limits: LoginBackoffLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the login must still wait before its password is checked again; 0 when it may try. */
  waitSeconds(login: string): number {
    const entry = this.failures.get(login);
    if (!entry) return 0;
    return Math.max(0, Math.ceil((entry.until - this.now()) / 1000));
  }

  failed(login: string): void {
    const count = (this.failures.get(login)?.count ?? 0) + 1;
    const over = count - this.limits.loginFailuresBeforeBackoff;
    const seconds =
      over < 0
        ? 0
        : Math.min(
            this.limits.loginBackoffMaxSeconds,
            this.limits.loginBackoffSeconds * 2 ** Math.min(over, 30),
          );
    this.failures.delete(login);
    this.failures.set(login, { count, until: this.now() + seconds * 1000 });
    this.forgetOldest();
  }

  succeeded(login: string): void {
    this.failures.delete(login);
  }

  private forgetOldest(): void {
    while (this.failures.size > MAX_LOGINS) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) return;
      this.failures.delete(oldest);
    }
  }
}

/**
 * What the import pool's main thread keeps for its threads so that a thread's death leaks nothing:
 * the LibreOffice/OCR slots (owned here, asked for and given back by message) and each thread's
 * programs and temporary directories (killed and removed when the thread is gone).
 */
import { rmSync } from "node:fs";
import type { Leftover } from "./external.js";

interface Waiting<Owner> {
  owner: Owner;
  slot: number;
  limit: number;
  grant(): void;
}

/**
 * Slots by kind, at most `limit` of a kind held at once (the limit comes with each request: the
 * threads' `Slots` know it). Requests are granted in order; an owner's slots are all given back, and
 * its requests dropped, by `forget`.
 */
export class SlotBroker<Owner> {
  private readonly held = new Map<Owner, number[]>();
  private readonly waiting: Waiting<Owner>[] = [];

  acquire(owner: Owner, slot: number, limit: number): Promise<void> {
    return new Promise((grant) => {
      this.waiting.push({ owner, slot, limit, grant });
      this.grantFree();
    });
  }

  release(owner: Owner, slot: number): void {
    const slots = this.held.get(owner) ?? [];
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    this.grantFree();
  }

  /** The owner is gone: its slots are free and its requests forgotten. */
  forget(owner: Owner): void {
    this.held.delete(owner);
    for (let at = this.waiting.length - 1; at >= 0; at--) {
      if (this.waiting[at]?.owner === owner) this.waiting.splice(at, 1);
    }
    this.grantFree();
  }

  /** Slots of a kind held now, by every owner. */
  inUse(slot: number): number {
    let count = 0;
    for (const slots of this.held.values()) count += slots.filter((each) => each === slot).length;
    return count;
  }

  private grantFree(): void {
    for (let at = 0; at < this.waiting.length; ) {
      const request = this.waiting[at] as Waiting<Owner>;
      if (this.inUse(request.slot) >= request.limit) {
        at++;
        continue;
      }
      this.waiting.splice(at, 1);
      this.held.set(request.owner, [...(this.held.get(request.owner) ?? []), request.slot]);
      request.grant();
    }
  }
}

/** The programs and temporary directories a thread has running or open now. */
export class Leftovers {
  private readonly pids = new Set<number>();
  private readonly directories = new Set<string>();

  track(leftover: Leftover, present: boolean): void {
    if ("pid" in leftover) toggle(this.pids, leftover.pid, present);
    else toggle(this.directories, leftover.directory, present);
  }

  /** Kills the programs' process groups (they run detached) and removes the directories. */
  clear(): void {
    for (const pid of this.pids) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    for (const directory of this.directories) rmSync(directory, { recursive: true, force: true });
    this.pids.clear();
    this.directories.clear();
  }
}

function toggle<T>(set: Set<T>, value: T, present: boolean): void {
  if (present) set.add(value);
  else set.delete(value);
}

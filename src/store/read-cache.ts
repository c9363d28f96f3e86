/**
 * Programme lists and details read once per data generation, on PGlite only. There the server owns the
 * database and every write goes through this process's Kysely (`WriteCounter` bumps `DataChanges` when
 * a writing statement returns, while its transaction still holds the one connection): a read that
 * starts at generation G and is kept under G cannot miss a write made before G, and a later write moves
 * the generation past every entry. Under the soak's 50 clients the lists and reads were most of the
 * requests, each holding the one connection for a few statements (docs/speed.md, «Soak, reads kept
 * per generation»). PostgreSQL is not cached here: another process's commit is heard only after it,
 * and one of this process's pool could be read between a write's statement and its commit.
 *
 * Each answer is a copy: callers may change what they get.
 */
import type { DataChanges } from "./changes.js";

/** Distinct reads kept (lists by filter, details by programme and version). */
export const CACHED_READS = 64;

interface Entry {
  value: unknown;
  generation: number;
  readAt: number;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly changes: DataChanges) {}

  /** `read()`'s answer for `key`, from memory when read since the latest write. */
  async get<T>(key: string, read: () => Promise<T>): Promise<T> {
    const { changes } = this;
    const known = this.entries.get(key);
    if (
      known &&
      known.generation === changes.generation &&
      performance.now() - known.readAt < changes.maxAgeMs
    ) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return structuredClone(known.value) as T;
    }
    // Taken before the read: a write that lands while it waits for the connection moves past it.
    const generation = changes.generation;
    const readAt = performance.now();
    const value = await read();
    this.entries.delete(key);
    this.entries.set(key, { value: structuredClone(value), generation, readAt });
    if (this.entries.size > CACHED_READS) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** How many reads are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * The port between pdf.js's API and its worker code, both in this thread. pdf.js's own (its
 * `LoopbackPort`, used when no worker thread is given) copies every message with `structuredClone`,
 * which for a page's text content — a few hundred small objects a chunk — is about a twentieth of a
 * PDF import. A message must still be copied as it is when sent: pdf.js goes on with the objects it
 * sent (the worker gives a text chunk's `items` a new array right after sending the chunk). This port
 * copies arrays and plain objects in JavaScript, three to four times faster for such messages, and
 * leaves anything else to `structuredClone`, as pdf.js's port does.
 */

type Listener = (event: { data: unknown }) => void;

/** `value` as the receiver gets it; buffers named in `transfer` are handed over, not copied. */
function snapshot(value: unknown, transfer: ReadonlySet<unknown>): unknown {
  if (typeof value === "function" || typeof value === "symbol") return structuredClone(value);
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = snapshot(value[index], transfer);
    return copy;
  }
  if (ArrayBuffer.isView(value)) {
    if (transfer.has(value.buffer)) return value;
    return structuredClone(value);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
  for (const key of Object.keys(value))
    copy[key] = snapshot((value as Record<string, unknown>)[key], transfer);
  return copy;
}

const NO_TRANSFER: ReadonlySet<unknown> = new Set();

/** One port both sides listen on, as pdf.js's own: each side's handler reads the messages meant for it. */
export class SnapshotPort {
  private readonly listeners = new Set<Listener>();
  private readonly deferred = Promise.resolve();

  postMessage(message: unknown, transfer?: readonly unknown[]): void {
    const event = { data: snapshot(message, transfer?.length ? new Set(transfer) : NO_TRANSFER) };
    this.deferred.then(() => {
      for (const listener of this.listeners) listener.call(this, event);
    });
  }

  /** pdf.js's message handlers stop listening by aborting the `signal` they pass (when destroyed). */
  addEventListener(_type: "message", listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.listeners.add(listener);
    signal?.addEventListener("abort", () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: "message", listener: Listener): void {
    this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

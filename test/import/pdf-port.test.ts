import { describe, expect, it } from "vitest";
import { SnapshotPort } from "../../src/import/pdf/port.js";

/** The messages `port` delivers to one listener, once every posted message has been delivered. */
function received(port: SnapshotPort): { messages: unknown[]; settled: () => Promise<void> } {
  const messages: unknown[] = [];
  port.addEventListener("message", (event) => messages.push(event.data));
  return { messages, settled: () => new Promise((resolve) => setImmediate(resolve)) };
}

describe("the port between pdf.js's API and its worker code", () => {
  it("delivers a message as it was when sent, whatever the sender does with it after", async () => {
    const port = new SnapshotPort();
    const { messages, settled } = received(port);
    const chunk = { items: [{ str: "Програма", transform: [12, 0, 0, 12, 56, 700] }], styles: {} };
    port.postMessage({ stream: 4, chunk });
    // What pdf.js's worker does after sending a text chunk, and more.
    chunk.items = [];
    chunk.styles = { other: {} };
    expect(messages).toEqual([]);
    await settled();
    expect(messages).toEqual([
      { stream: 4, chunk: { items: [{ str: "Програма", transform: [12, 0, 0, 12, 56, 700] }], styles: {} } },
    ]);
  });

  it("copies nested objects, arrays and buffers, and hands over the buffers it is told to transfer", async () => {
    const port = new SnapshotPort();
    const { messages, settled } = received(port);
    const kept = new Uint8Array([1, 2, 3]);
    const handed = new Uint8Array([4, 5]);
    const nested = { deeper: { values: [1, 2] } };
    port.postMessage({ kept, handed, nested }, [handed.buffer]);
    kept[0] = 9;
    nested.deeper.values.push(3);
    await settled();
    const [message] = messages as { kept: Uint8Array; handed: Uint8Array; nested: unknown }[];
    expect(Array.from(message?.kept ?? [])).toEqual([1, 2, 3]);
    expect(message?.handed).toBe(handed);
    expect(message?.nested).toEqual({ deeper: { values: [1, 2] } });
  });

  it("copies other objects as structuredClone does, and refuses what it cannot copy", async () => {
    const port = new SnapshotPort();
    const { messages, settled } = received(port);
    const map = new Map([["a", { b: 1 }]]);
    port.postMessage({ map, when: new Date(0), empty: Object.create(null) });
    map.set("c", { b: 2 });
    await settled();
    const [message] = messages as { map: Map<string, unknown>; when: Date; empty: object }[];
    expect(message?.map).toEqual(new Map([["a", { b: 1 }]]));
    expect(message?.when).toEqual(new Date(0));
    expect(Object.getPrototypeOf(message?.empty)).toBeNull();
    expect(() => port.postMessage({ call: () => 1 })).toThrow();
  });

  it("stops delivering to a listener whose signal is aborted, and to none once terminated", async () => {
    const port = new SnapshotPort();
    const stopped: unknown[] = [];
    const controller = new AbortController();
    port.addEventListener("message", (event) => stopped.push(event.data), { signal: controller.signal });
    const { messages, settled } = received(port);
    port.postMessage(1);
    await settled();
    controller.abort();
    port.postMessage(2);
    await settled();
    port.terminate();
    port.postMessage(3);
    await settled();
    expect(stopped).toEqual([1]);
    expect(messages).toEqual([1, 2]);
  });
});

/**
 * The caps on LibreOffice and OCR processes hold per server: the import pool's main thread owns the
 * slots (`SlotBroker`), and each thread's `Slots` asks it for one through its link (`linkToPool`). So
 * the threads together run at most `limit` tasks, every waiting task runs once a slot is free, and the
 * slots of a thread that dies come back.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, expect, it } from "vitest";
import { linkToPool, SHARED_SLOTS, Slots } from "../../src/import/external.js";
import { SlotBroker } from "../../src/import/pool-threads.js";

afterAll(() => linkToPool(undefined as never));

/** Slots as a thread named `owner` has them: asked of `broker`. */
function threadSlots(broker: SlotBroker<string>, owner: string, limit: number, slot: number) {
  const slots = new Slots(limit, slot);
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      linkToPool({
        acquire: (kind, most) => broker.acquire(owner, kind, most),
        release: (kind) => broker.release(owner, kind),
        track: () => {},
      });
      return slots.run(task);
    },
  };
}

it("two threads' slots run at most the limit together, and all tasks finish", async () => {
  const broker = new SlotBroker<string>();
  const threads = [
    threadSlots(broker, "a", 2, SHARED_SLOTS.soffice),
    threadSlots(broker, "b", 2, SHARED_SLOTS.soffice),
  ];
  let running = 0;
  let most = 0;
  const task = (n: number) => async () => {
    running++;
    most = Math.max(most, running);
    await sleep(5);
    running--;
    return n;
  };
  const results = await Promise.all(Array.from({ length: 12 }, (_, n) => threads[n % 2]?.run(task(n))));
  expect(results).toEqual(Array.from({ length: 12 }, (_, n) => n));
  expect(most).toBe(2);
  expect(broker.inUse(SHARED_SLOTS.soffice)).toBe(0);
});

it("a failing task gives its slot back", async () => {
  const slots = threadSlots(new SlotBroker<string>(), "a", 1, SHARED_SLOTS.ocr);
  await expect(slots.run(() => Promise.reject(new Error("conversion failed")))).rejects.toThrow(
    "conversion failed",
  );
  await expect(slots.run(async () => "next")).resolves.toBe("next");
});

it("the slots of a thread that is gone come back, and its waiting requests are dropped", async () => {
  const broker = new SlotBroker<string>();
  await broker.acquire("dead", SHARED_SLOTS.soffice, 1);
  let deadWaiterGranted = false;
  void broker.acquire("dead", SHARED_SLOTS.soffice, 1).then(() => {
    deadWaiterGranted = true;
  });
  let granted = false;
  const waiting = broker.acquire("alive", SHARED_SLOTS.soffice, 1).then(() => {
    granted = true;
  });
  await sleep(0);
  expect(granted).toBe(false);
  broker.forget("dead");
  await waiting;
  expect(granted).toBe(true);
  expect(deadWaiterGranted).toBe(false);
  expect(broker.inUse(SHARED_SLOTS.soffice)).toBe(1);
});

/**
 * The caps on LibreOffice and OCR processes hold per server: the import pool's threads count them in
 * one shared counter (`shareSlots`), so two threads' `Slots` (here two instances over the same
 * counters, as each thread has its own module) run at most `limit` tasks together, and every waiting
 * task runs once a slot is free.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import { SHARED_SLOTS, Slots, shareSlots, slotCounters } from "../../src/import/external.js";

it("two threads' slots over shared counters run at most the limit together, and all tasks finish", async () => {
  const counters = slotCounters();
  shareSlots(counters);
  const threads = [new Slots(2, SHARED_SLOTS.soffice), new Slots(2, SHARED_SLOTS.soffice)];
  let running = 0;
  let most = 0;
  const done: number[] = [];
  const task = (n: number) => async () => {
    running++;
    most = Math.max(most, running);
    await sleep(5);
    running--;
    done.push(n);
    return n;
  };
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, n) => (threads[n % 2] as Slots).run(task(n))),
  );
  expect(results).toEqual(Array.from({ length: 12 }, (_, n) => n));
  expect(done).toHaveLength(12);
  expect(most).toBe(2);
  // Every slot given back; the OCR counter is another one, untouched.
  expect([...new Int32Array(counters)]).toEqual([0, 0]);
});

it("a failing task gives its slot back", async () => {
  shareSlots(slotCounters());
  const slots = new Slots(1, SHARED_SLOTS.ocr);
  await expect(slots.run(() => Promise.reject(new Error("conversion failed")))).rejects.toThrow(
    "conversion failed",
  );
  await expect(slots.run(async () => "next")).resolves.toBe("next");
});

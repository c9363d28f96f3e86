import { describe, expect, it } from "vitest";
import {
  canRedo,
  canUndo,
  createHistory,
  HISTORY_LIMIT,
  pushState,
  redo,
  undo,
} from "../../web/src/lib/history.js";

describe("undo history", () => {
  it("undoes and redoes in order", () => {
    let history = createHistory("a");
    history = pushState(history, "b");
    history = pushState(history, "c");
    history = undo(history);
    expect(history.present).toBe("b");
    history = undo(history);
    expect(history.present).toBe("a");
    expect(canUndo(history)).toBe(false);
    history = redo(history);
    expect(history.present).toBe("b");
    expect(canRedo(history)).toBe(true);
  });

  it("drops the redo branch on a new change", () => {
    let history = pushState(pushState(createHistory(1), 2), 3);
    history = pushState(undo(history), 4);
    expect(history.present).toBe(4);
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present).toBe(2);
  });

  it("merges consecutive edits of one field into one step", () => {
    let history = createHistory("");
    history = pushState(history, "1", "amount:d1.1");
    history = pushState(history, "17", "amount:d1.1");
    history = pushState(history, "177", "amount:d1.1");
    history = pushState(history, "177!", "title:d1.1");
    expect(undo(history).present).toBe("177");
    expect(undo(undo(history)).present).toBe("");
  });

  it("keeps at most the limit of past states", () => {
    let history = createHistory(0);
    for (let n = 1; n <= HISTORY_LIMIT + 10; n++) history = pushState(history, n);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(10);
  });

  it("ignores undo and redo at the ends", () => {
    const history = createHistory("x");
    expect(undo(history)).toBe(history);
    expect(redo(history)).toBe(history);
  });
});

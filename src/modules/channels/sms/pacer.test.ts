import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPacer } from "./pacer.js";

describe("createPacer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets calls through one interval apart", async () => {
    const pace = createPacer(10);
    const passed: number[] = [];
    const start = Date.now();
    const calls = [0, 1, 2].map(() => pace().then(() => passed.push(Date.now() - start)));
    await vi.advanceTimersByTimeAsync(250);
    await Promise.all(calls);
    expect(passed).toEqual([0, 100, 200]);
  });

  it("never waits without a rate", async () => {
    const pace = createPacer(undefined);
    await expect(pace()).resolves.toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { HostLimiter } from "#scrapers/fetch/host-limiter";
import { createVirtualClock } from "./virtual-clock";

function setup(concurrency: number, defaultDelayMs: number) {
  const clock = createVirtualClock();
  const limiter = new HostLimiter({
    concurrency,
    defaultDelayMs,
    now: clock.now,
    sleep: clock.sleep,
  });
  const starts: Array<{ host: string; id: number; at: number }> = [];
  let active = 0;
  let maxActive = 0;
  const task = (host: string, id: number, workMs: number) =>
    limiter.run(host, async () => {
      starts.push({ host, id, at: clock.now() });
      active += 1;
      maxActive = Math.max(maxActive, active);
      await clock.sleep(workMs);
      active -= 1;
      return id;
    });
  return { clock, limiter, starts, task, maxActive: () => maxActive };
}

describe("HostLimiter", () => {
  it("spaces starts to one host by the delay, in arrival order", async () => {
    const { clock, starts, task, maxActive } = setup(1, 100);
    const done = Promise.all([task("a.test", 1, 10), task("a.test", 2, 10), task("a.test", 3, 10)]);
    await clock.runUntilIdle();
    expect(await done).toEqual([1, 2, 3]);
    expect(starts.map((s) => [s.id, s.at])).toEqual([
      [1, 0],
      [2, 100],
      [3, 200],
    ]);
    expect(maxActive()).toBe(1);
  });

  it("with no delay, concurrency 1 waits for the previous request to finish", async () => {
    const { clock, starts, task, maxActive } = setup(1, 0);
    const done = Promise.all([task("a.test", 1, 30), task("a.test", 2, 30), task("a.test", 3, 30)]);
    await clock.runUntilIdle();
    await done;
    expect(starts.map((s) => s.at)).toEqual([0, 30, 60]);
    expect(maxActive()).toBe(1);
  });

  it("allows as many requests in flight as the concurrency", async () => {
    const { clock, starts, task, maxActive } = setup(2, 0);
    const done = Promise.all([task("a.test", 1, 30), task("a.test", 2, 30), task("a.test", 3, 30)]);
    await clock.runUntilIdle();
    await done;
    expect(starts.map((s) => s.at)).toEqual([0, 0, 30]);
    expect(maxActive()).toBe(2);
  });

  it("keeps hosts independent", async () => {
    const { clock, starts, task } = setup(1, 1000);
    const done = Promise.all([task("a.test", 1, 5), task("b.test", 2, 5), task("a.test", 3, 5)]);
    await clock.runUntilIdle();
    await done;
    expect(starts.map((s) => [s.host, s.at])).toEqual([
      ["a.test", 0],
      ["b.test", 0],
      ["a.test", 1000],
    ]);
  });

  it("uses a longer per-host delay (Crawl-delay) but never a shorter one", async () => {
    const { clock, limiter, starts, task } = setup(1, 100);
    limiter.setDelay("slow.test", 500);
    limiter.setDelay("fast.test", 10);
    expect(limiter.delayOf("fast.test")).toBe(100);
    const done = Promise.all([
      task("slow.test", 1, 1),
      task("slow.test", 2, 1),
      task("fast.test", 3, 1),
      task("fast.test", 4, 1),
    ]);
    await clock.runUntilIdle();
    await done;
    expect(starts.filter((s) => s.host === "slow.test").map((s) => s.at)).toEqual([0, 500]);
    expect(starts.filter((s) => s.host === "fast.test").map((s) => s.at)).toEqual([0, 100]);
  });

  it("holds a host until a given time (Retry-After)", async () => {
    const { clock, limiter, starts, task } = setup(1, 100);
    const first = task("a.test", 1, 1);
    await clock.runUntilIdle();
    await first;
    limiter.holdUntil("a.test", 2500);
    const later = Promise.all([task("a.test", 2, 1), task("a.test", 3, 1)]);
    await clock.runUntilIdle();
    await later;
    expect(starts.map((s) => s.at)).toEqual([0, 2500, 2600]);
  });

  it("frees the slot when a task fails", async () => {
    const { clock, limiter, starts, task } = setup(1, 0);
    const failing = expect(
      limiter.run("a.test", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const next = task("a.test", 2, 1);
    await clock.runUntilIdle();
    await failing;
    await expect(next).resolves.toBe(2);
    expect(starts).toHaveLength(1);
  });
});

/**
 * A clock and sleep that only move when the test says so, for the host limiter and the
 * robots cache. `runUntilIdle` fires pending sleeps in time order, letting promise
 * callbacks run between them, until nothing is waiting.
 */
export function createVirtualClock(start = 0) {
  let now = start;
  let sequence = 0;
  const timers: Array<{ at: number; order: number; wake: () => void }> = [];
  const flush = () => new Promise<void>((done) => setImmediate(done));

  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ at: now + ms, order: sequence++, wake });
      }),
    advance(ms: number) {
      now += ms;
    },
    async runUntilIdle() {
      await flush();
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift();
        if (!next) return;
        now = Math.max(now, next.at);
        next.wake();
        await flush();
      }
    },
  };
}

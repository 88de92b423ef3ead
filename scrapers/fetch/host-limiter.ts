/**
 * A queue per host: at most `concurrency` requests in flight, and request starts spaced at
 * least `delay` apart.
 *
 * Why hand-written: rate-limiter-flexible's RateLimiterQueue counts points per window but
 * has no notion of requests in flight, its window is fixed per limiter while Crawl-delay
 * differs per host, and it reads the real clock. This small FIFO does exactly the two
 * things politeness needs, with an injected clock and sleep so tests can drive it. A host
 * can also be held off until a moment (after `Retry-After`), which delays every queued
 * request to it, not only the one that was told to wait.
 */

export interface HostLimiterOptions {
  concurrency: number;
  defaultDelayMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

interface HostState {
  active: number;
  waiting: Array<() => void>;
  /** Earliest moment the next request may start. */
  notBefore: number;
  delayMs: number;
  timerPending: boolean;
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly options: HostLimiterOptions) {}

  /** Runs `task` when the host has a free slot and its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(host);
    await new Promise<void>((start) => {
      state.waiting.push(start);
      this.pump(state);
    });
    try {
      return await task();
    } finally {
      state.active -= 1;
      this.pump(state);
    }
  }

  /** Spacing for this host from now on (e.g. from Crawl-delay); never below the default. */
  setDelay(host: string, delayMs: number): void {
    this.stateOf(host).delayMs = Math.max(this.options.defaultDelayMs, delayMs);
  }

  delayOf(host: string): number {
    return this.hosts.get(host)?.delayMs ?? this.options.defaultDelayMs;
  }

  /** No request to this host starts before `time` (used for `Retry-After`). */
  holdUntil(host: string, time: number): void {
    const state = this.stateOf(host);
    state.notBefore = Math.max(state.notBefore, time);
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = {
        active: 0,
        waiting: [],
        notBefore: Number.NEGATIVE_INFINITY,
        delayMs: this.options.defaultDelayMs,
        timerPending: false,
      };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(state: HostState): void {
    while (state.waiting.length > 0 && state.active < this.options.concurrency) {
      const now = this.options.now();
      if (now < state.notBefore) {
        this.wakeAt(state, state.notBefore - now);
        return;
      }
      const start = state.waiting.shift();
      if (!start) return;
      state.active += 1;
      state.notBefore = now + state.delayMs;
      start();
    }
  }

  private wakeAt(state: HostState, waitMs: number): void {
    if (state.timerPending) return;
    state.timerPending = true;
    void this.options.sleep(waitMs).then(() => {
      state.timerPending = false;
      this.pump(state);
    });
  }
}

/** Peak memory seen by a {@link MemoryPeak}, in bytes. */
export interface MemoryPeakReading {
  /** Largest resident set size sampled. */
  rssBytes: number;
  /** Largest V8 heap in use sampled. */
  heapUsedBytes: number;
}

/**
 * Tracks the peak of `process.memoryUsage()` over a measured phase. Samples come from explicit
 * `sample()` calls and, while `start()` is active, from a timer, which fires only while the event
 * loop is idle, so synchronous loops must call `sample()` themselves.
 */
export class MemoryPeak {
  private peak: MemoryPeakReading = { rssBytes: 0, heapUsedBytes: 0 };
  private timer: NodeJS.Timeout | undefined;

  /** Forgets earlier samples and takes a first one. */
  reset(): void {
    this.peak = { rssBytes: 0, heapUsedBytes: 0 };
    this.sample();
  }

  /** Reads `process.memoryUsage()` once and keeps the larger values. */
  sample(): void {
    const usage = process.memoryUsage();
    this.peak = {
      rssBytes: Math.max(this.peak.rssBytes, usage.rss),
      heapUsedBytes: Math.max(this.peak.heapUsedBytes, usage.heapUsed),
    };
  }

  /** Samples every `intervalMs` milliseconds until `stop()`; the timer does not keep the process alive. */
  start(intervalMs = 20): void {
    this.stop();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and takes a last sample. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
  }

  /** Returns the peaks sampled since the last `reset()`. */
  reading(): MemoryPeakReading {
    return { ...this.peak };
  }
}

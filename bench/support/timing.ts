import { performance } from 'node:perf_hooks';

import type { MemoryPeak } from './memory.js';

/** How many synchronous operations run between two memory samples; a sample costs far more than a fast operation. */
const SAMPLE_MEMORY_EVERY = 256;

/**
 * Runs `operation` once per input and returns each run's duration in milliseconds, measured with
 * `performance.now()`. Memory is sampled between runs, outside the timed part.
 */
export function timeEachSync<T>(inputs: readonly T[], operation: (input: T) => unknown, memory: MemoryPeak): number[] {
  const samples = new Array<number>(inputs.length);
  for (let index = 0; index < inputs.length; index += 1) {
    const input = inputs[index] as T;
    const startedAt = performance.now();
    operation(input);
    samples[index] = performance.now() - startedAt;
    if (index % SAMPLE_MEMORY_EVERY === 0) {
      memory.sample();
    }
  }
  memory.sample();
  return samples;
}

/** Durations of a run of asynchronous operations and the wall time of the whole run, in milliseconds. */
export interface AsyncRun<R> {
  /** Duration of each operation, in the order the operations were started. */
  samples: number[];
  /** Result of each operation, or the error it threw, in the order the operations were started. */
  outcomes: Array<{ ok: true; value: R } | { ok: false; error: unknown }>;
  wallMs: number;
}

/**
 * Runs `count` asynchronous operations with at most `concurrency` in flight and times each one.
 * A failed operation is recorded in `outcomes` and does not stop the others.
 *
 * @throws RangeError when `count` or `concurrency` is not a positive whole number.
 */
export async function timeEachAsync<R>(
  count: number,
  concurrency: number,
  operation: (index: number) => Promise<R>,
  memory: MemoryPeak,
): Promise<AsyncRun<R>> {
  for (const [name, value] of [['count', count], ['concurrency', concurrency]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`timeEachAsync: invalid ${name} ${value}, expected a positive whole number`);
    }
  }

  const samples = new Array<number>(count).fill(0);
  const outcomes: AsyncRun<R>['outcomes'] = new Array(count);
  let next = 0;

  // Each worker takes the next index until none is left, so exactly `concurrency` operations are in flight.
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      const startedAt = performance.now();
      try {
        outcomes[index] = { ok: true, value: await operation(index) };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
      samples[index] = performance.now() - startedAt;
      memory.sample();
    }
  };

  const startedAt = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
  return { samples, outcomes, wallMs: performance.now() - startedAt };
}

/** Runs the garbage collector when node was started with --expose-gc, so one case's garbage does not count in the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

/**
 * Runs the benchmarks, each `bench/*.bench.ts` in a child process of its own, so that the peak
 * memory of one benchmark does not carry into the next. Prints the machine first and a summary last,
 * and exits with code 1 when any benchmark failed.
 *
 * Usage: `npm run bench` runs all of them; `npm run bench -- sla slots` runs bench/sla.bench.ts and
 * bench/slots.bench.ts only.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

/** Node options of every benchmark: tsx for TypeScript, `gc()` between cases, and no deprecation warnings of dependencies in the tables. */
const NODE_ARGS = ['--import', 'tsx', '--expose-gc', '--disable-warning=DeprecationWarning'];

function benchmarkNames(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

function selectBenchmarks(requested: readonly string[]): string[] {
  const available = benchmarkNames();
  if (requested.length === 0) {
    return available;
  }
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.map((name) => `"${name}"`).join(', ')}: expected one of ${available.join(', ')}`);
  }
  return [...requested];
}

function printMachine(): void {
  const cpus = os.cpus();
  const lines = [
    `Benchmarks started ${new Date().toISOString()}`,
    `node ${process.version} on ${os.type()} ${os.release()} ${os.arch()}`,
    `${os.availableParallelism()} logical CPUs (${cpus[0]?.model ?? 'unknown model'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory`,
    `load average at start: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')} (1, 5, 15 min)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs one benchmark file with its output on this terminal and resolves with its exit code. */
function runBenchmark(name: string): Promise<number> {
  const file = path.join(BENCH_DIR, `${name}${SUFFIX}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, file], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const names = selectBenchmarks(process.argv.slice(2));
  printMachine();

  const results: Array<{ name: string; code: number; seconds: number }> = [];
  for (const name of names) {
    process.stdout.write(`\n## ${name}\n`);
    const startedAt = performance.now();
    const code = await runBenchmark(name);
    results.push({ name, code, seconds: (performance.now() - startedAt) / 1000 });
  }

  process.stdout.write('\nSummary\n');
  for (const result of results) {
    const status = result.code === 0 ? 'ok' : `FAILED (exit code ${result.code})`;
    process.stdout.write(`  ${result.name.padEnd(12)} ${status}, ${result.seconds.toFixed(1)} s\n`);
  }
  process.stdout.write(`  load average at end: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')}\n`);
  if (results.some((result) => result.code !== 0)) {
    process.exitCode = 1;
  }
}

await main();

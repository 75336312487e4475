import type { MemoryPeakReading } from './memory.js';
import type { TimingSummary } from './stats.js';

const MIB = 1024 * 1024;

/** Formats milliseconds with three significant digits, e.g. "0.0421", "3.17", "182". */
export function formatMs(ms: number): string {
  if (ms === 0) return '0';
  if (ms >= 100) return ms.toFixed(0);
  return ms.toPrecision(3);
}

/** Formats bytes as mebibytes with one decimal, e.g. "182.4". */
export function formatMiB(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}

/** Prints a Markdown table with a level-3 heading to stdout, ready to copy into docs/benchmarks.md. */
export function printTable(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [
    '',
    `### ${title}`,
    '',
    line(header),
    line(header.map((_, index) => (index === 0 ? '---' : '---:'))),
    ...rows.map(line),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Column names of {@link timingRow}. */
export const TIMING_HEADER = ['case', 'operations', 'median ms', 'p95 ms', 'max ms', 'peak RSS MiB', 'peak heap MiB'] as const;

/** Formats one case as a row under {@link TIMING_HEADER}. */
export function timingRow(label: string, summary: TimingSummary, memory: MemoryPeakReading): string[] {
  return [
    label,
    String(summary.count),
    formatMs(summary.medianMs),
    formatMs(summary.p95Ms),
    formatMs(summary.maxMs),
    formatMiB(memory.rssBytes),
    formatMiB(memory.heapUsedBytes),
  ];
}

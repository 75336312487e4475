import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

/** End of a child process: its exit code, or the signal that ended it. */
export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. ENOENT for a missing binary). */
  spawnError?: Error;
}

/** Command, environment and stop behavior of one service of the local stack. */
export interface ServiceDefinition {
  /** Short name used as the output prefix and in messages, e.g. "azurite". */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Signal that requests a clean shutdown. */
  stopSignal: NodeJS.Signals;
  /** How long `stop()` waits after the stop signal before it sends SIGKILL. */
  stopTimeoutMs: number;
  /** Sentence that names where the reason for a failure is shown. The default points at the prefixed output. */
  failureHint?: string;
}

const ANSI_COLORS = ['\u001b[36m', '\u001b[35m', '\u001b[33m', '\u001b[32m'];
const ANSI_RESET = '\u001b[0m';

/** Formats a ServiceExit for messages: "exit code 1", "signal SIGTERM" or the spawn error. */
export function describeExit(exit: ServiceExit): string {
  if (exit.spawnError) return `could not be started: ${exit.spawnError.message}`;
  if (exit.signal) return `signal ${exit.signal}`;
  return `exit code ${exit.code ?? 'unknown'}`;
}

/**
 * One child process of the local stack, started in its own process group.
 *
 * The own group keeps a Ctrl+C in the terminal away from the children, so the orchestrator
 * alone decides the stop order. `stop()` signals the whole group, which also reaches any
 * process that the child started itself.
 */
export class ChildService {
  readonly name: string;
  /** Sentence that names where the reason for a failure of this service is shown. */
  readonly failureHint: string;
  /** Resolves once the process has exited, and never rejects. */
  readonly exited: Promise<ServiceExit>;
  /** True after `stop()` was called, so an exit from then on is expected. */
  stopRequested = false;

  private readonly definition: ServiceDefinition;
  private child: ChildProcess | undefined;
  private exit: ServiceExit | undefined;
  private resolveExited!: (exit: ServiceExit) => void;

  constructor(definition: ServiceDefinition) {
    this.definition = definition;
    this.name = definition.name;
    this.failureHint = definition.failureHint ?? `Its output above, prefixed [${definition.name}], shows why.`;
    this.exited = new Promise((resolve) => {
      this.resolveExited = resolve;
    });
  }

  /** True while the process runs (after `start()`, before its exit). */
  get running(): boolean {
    return this.child !== undefined && this.exit === undefined;
  }

  /** Spawns the process and forwards each output line with the service's name as prefix. */
  start(prefix: string): void {
    const { command, args, cwd, env } = this.definition;
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;

    forwardLines(child.stdout, process.stdout, prefix);
    forwardLines(child.stderr, process.stderr, prefix);

    child.once('error', (error) => this.recordExit({ code: null, signal: null, spawnError: error }));
    child.once('exit', (code, signal) => this.recordExit({ code, signal }));
  }

  /**
   * Sends the stop signal to the process group, waits up to the stop timeout, then sends SIGKILL.
   * Resolves with the exit, at once when the process has already ended.
   */
  async stop(): Promise<ServiceExit> {
    this.stopRequested = true;
    if (!this.running) return this.exited;

    const { stopSignal, stopTimeoutMs } = this.definition;
    this.signalGroup(stopSignal);
    const timedOut = Symbol('timed out');
    const first = await Promise.race([this.exited, sleep(stopTimeoutMs, timedOut)]);
    if (first !== timedOut) return first;

    process.stderr.write(`[dev] ${this.name} did not stop within ${stopTimeoutMs / 1000} s after ${stopSignal}; sending SIGKILL\n`);
    this.signalGroup('SIGKILL');
    return this.exited;
  }

  /** Sends SIGKILL to the process group without waiting, as the last-resort cleanup when the script exits. */
  killNow(): void {
    if (this.running) this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      // A negative pid addresses the process group that `detached: true` created.
      process.kill(-pid, signal);
    } catch (error) {
      // ESRCH: the group is already gone, which is the goal.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  private recordExit(exit: ServiceExit): void {
    if (this.exit !== undefined) return;
    this.exit = exit;
    this.resolveExited(exit);
  }
}

/** Builds the output prefix for each name, padded to the longest name and colored on a terminal. */
export function makePrefixes(names: string[], useColor: boolean): Map<string, string> {
  const width = Math.max(...names.map((name) => name.length));
  return new Map(
    names.map((name, index) => {
      const label = `[${name}]`.padEnd(width + 2);
      const color = ANSI_COLORS[index % ANSI_COLORS.length] ?? '';
      return [name, useColor ? `${color}${label}${ANSI_RESET} ` : `${label} `];
    }),
  );
}

function forwardLines(source: NodeJS.ReadableStream, target: NodeJS.WritableStream, prefix: string): void {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  lines.on('line', (line) => target.write(`${prefix}${line}\n`));
}

import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Loopback addresses probed for a listener. A server bound to all interfaces accepts connections on both. */
const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;
const POLL_INTERVAL_MS = 250;
const CONNECT_TIMEOUT_MS = 1000;

/** Resolves true when something accepts TCP connections on host:port. */
export function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (accepted: boolean): void => {
      socket.destroy();
      resolve(accepted);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => finish(false));
    socket.once('connect', () => finish(true));
    // ECONNREFUSED means the port is free. EADDRNOTAVAIL or ENETUNREACH for ::1 means IPv6 is off.
    socket.once('error', () => finish(false));
  });
}

/** Resolves true when a process already listens on the port on IPv4 or IPv6 loopback. */
export async function isPortInUse(port: number): Promise<boolean> {
  const results = await Promise.all(LOOPBACK_HOSTS.map((host) => acceptsConnections(host, port)));
  return results.includes(true);
}

/** Readiness condition of a service, with its description for messages. */
export interface ReadinessCheck {
  /** Text for messages, e.g. "127.0.0.1:10002 to accept connections". */
  description: string;
  /** Runs one attempt and resolves true when the service is ready. */
  probe: () => Promise<boolean>;
}

/** Check that passes once host:port accepts TCP connections. */
export function portCheck(host: string, port: number): ReadinessCheck {
  return { description: `${host}:${port} to accept connections`, probe: () => acceptsConnections(host, port) };
}

/** Check that passes once a GET of the URL returns the expected HTTP status. */
export function httpCheck(url: string, expectedStatus = 200): ReadinessCheck {
  return {
    description: `GET ${url} to return ${expectedStatus}`,
    probe: async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS * 2) });
        await response.body?.cancel();
        return response.status === expectedStatus;
      } catch {
        // Connection refused or timed out: not ready yet.
        return false;
      }
    },
  };
}

/**
 * Polls the check until it passes.
 *
 * @throws Error when `timeoutMs` passes first, or the signal's reason when `abort` fires
 *   (the orchestrator aborts when the service's process exits during the wait).
 */
export async function waitUntilReady(check: ReadinessCheck, timeoutMs: number, abort: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check.probe())) {
    abort.throwIfAborted();
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${check.description}`);
    }
    await sleep(POLL_INTERVAL_MS, undefined, { signal: abort }).catch(() => abort.throwIfAborted());
  }
}

/** Ports of the local run (`npm start`) and the one setting of the app that must follow Azurite's port. */

/** Default port of Azurite's table service. */
export const DEFAULT_AZURITE_TABLE_PORT = 10002;

/** Default port of the Microsoft 365 Agents Playground. */
export const DEFAULT_PLAYGROUND_PORT = 56150;

/** Default HTTP port of the app. */
export const DEFAULT_APP_PORT = 3978;

/**
 * Parses a port variable such as PORT, DESK_AZURITE_PORT or PLAYGROUND_PORT; an unset or empty value
 * gives `fallback`.
 *
 * @throws Error naming the variable and its value when it is not a TCP port number.
 */
export function parsePortVariable(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port number (1-65535), got "${value}".`);
  }
  return port;
}

/** Hosts that mean this machine, where `npm start` runs Azurite. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Points the TableEndpoint of a connection string at Azurite's table port when it addresses this
 * machine, so the app talks to the Azurite that `npm start` runs. A connection string without a
 * TableEndpoint or with another host is returned unchanged.
 *
 * @returns The connection string and whether its port was changed.
 */
export function useLocalTablePort(connectionString: string, port: number): { connectionString: string; changed: boolean } {
  const match = /(TableEndpoint=)([^;]+)/i.exec(connectionString);
  if (match === null) return { connectionString, changed: false };

  let endpoint: URL;
  try {
    endpoint = new URL(match[2] as string);
  } catch {
    return { connectionString, changed: false };
  }
  if (!LOOPBACK_HOSTS.has(endpoint.hostname) || endpoint.port === String(port)) {
    return { connectionString, changed: false };
  }

  endpoint.port = String(port);
  const updated = connectionString.replace(match[0], `${match[1]}${endpoint.toString()}`);
  return { connectionString: updated, changed: true };
}

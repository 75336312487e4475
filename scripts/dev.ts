/**
 * Local run of Hotline Desk (`npm start`).
 *
 * Builds the consultant's tab (as `npm run build:tab` does), then starts Azurite's table
 * service, the app and the Microsoft 365 Agents Playground in that order, each one after the previous one is ready, and stops them in the order app,
 * Playground, Azurite on Ctrl+C or SIGTERM (exit code 0). When any of them exits on its own,
 * the others are stopped and the script exits with code 1, naming the service.
 *
 * Azurite and the app listen on 127.0.0.1 only (HOST in env/.env.local). The Playground 0.2.28
 * has no host option and listens on all interfaces; telemetry is off in Azurite and the Playground.
 * Ports: PORT (app, default 3978), DESK_AZURITE_PORT (Azurite's table service, default 10002) and
 * PLAYGROUND_PORT (default 56150), read from the env files or the shell. When the storage connection
 * string addresses this machine, the app gets it with DESK_AZURITE_PORT as its TableEndpoint port.
 *
 * Usage: npm start [-- --env NAME]   (NAME defaults to "local": env/.env.local + .user)
 *
 * NOTE: npm 11.19 itself ends `npm start` with the signal it received (shell status 130
 * after Ctrl+C), whatever this script returns, and does not forward a SIGTERM sent to the
 * npm process alone. Signal the process group, or run `npx tsx scripts/dev.ts` directly.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildWithVite } from 'vite';
import { loadDevEnvironment } from './devEnvironment.js';
import { httpCheck, isPortInUse, portCheck, waitUntilReady, type ReadinessCheck } from './devProbes.js';
import {
  DEFAULT_APP_PORT,
  DEFAULT_AZURITE_TABLE_PORT,
  DEFAULT_PLAYGROUND_PORT,
  parsePortVariable,
  useLocalTablePort,
} from './devPorts.js';
import { ChildService, describeExit, makePrefixes } from './devServices.js';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

const AZURITE_HOST = '127.0.0.1';
/** Git-ignored folder for Azurite's table data, so demo data survives restarts. */
const AZURITE_FOLDER = join(repositoryRoot, '.azurite');

// Start-up limits. The app's limit covers tsx compiling the TypeScript sources on a slow machine.
const AZURITE_READY_TIMEOUT_MS = 30_000;
const APP_READY_TIMEOUT_MS = 90_000;
const PLAYGROUND_READY_TIMEOUT_MS = 60_000;

// Names that the Playground shows. They must match .m365agentsplayground.yml.
const PLAYGROUND_CUSTOMER = 'Jana Becker of Fabrikam Logistik GmbH (Gold Hotline)';
const PLAYGROUND_CONSULTANT_CHAT = 'Hotline Desk – Berater (lokal)';
const PLAYGROUND_BOT_NAME = 'Hotline Desk';

interface Options {
  environmentName: string;
}

/** Ports of the three services. */
interface DevPorts {
  app: number;
  azurite: number;
  playground: number;
}

/** A port that one service needs, with the advice printed when it is taken. */
interface RequiredPort {
  port: number;
  owner: string;
  advice: string;
}

function log(message: string): void {
  process.stdout.write(`[dev] ${message}\n`);
}

function logError(message: string): void {
  process.stderr.write(`[dev] ${message}\n`);
}

function printUsage(): void {
  log('Usage: npm start [-- --env NAME]');
  log('Runs Azurite (table service), the app and the Microsoft 365 Agents Playground.');
  log('--env NAME  reads env/.env.NAME and env/.env.NAME.user (default: local)');
}

/** @throws Error naming an unknown argument or an invalid environment name. */
function parseArguments(args: string[]): Options | 'help' {
  let environmentName = 'local';
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index] ?? '';
    if (argument === '--help' || argument === '-h') return 'help';
    if (argument === '--env') {
      const value = args[index + 1];
      if (value === undefined) throw new Error('--env needs an environment name, e.g. --env local.');
      environmentName = value;
      index += 1;
    } else if (argument.startsWith('--env=')) {
      environmentName = argument.slice('--env='.length);
    } else {
      throw new Error(`Unknown argument "${argument}". Run "npm start -- --help" for the options.`);
    }
  }
  if (!/^[a-z0-9-]+$/.test(environmentName)) {
    throw new Error(`Invalid environment name "${environmentName}": use lower-case letters, digits and "-".`);
  }
  return { environmentName };
}

/** @throws Error naming PORT, DESK_AZURITE_PORT or PLAYGROUND_PORT when it is not a TCP port number. */
function parsePorts(variables: NodeJS.ProcessEnv): DevPorts {
  return {
    app: parsePortVariable('PORT', variables.PORT, DEFAULT_APP_PORT),
    azurite: parsePortVariable('DESK_AZURITE_PORT', variables.DESK_AZURITE_PORT, DEFAULT_AZURITE_TABLE_PORT),
    playground: parsePortVariable('PLAYGROUND_PORT', variables.PLAYGROUND_PORT, DEFAULT_PLAYGROUND_PORT),
  };
}

/** @throws Error listing every port that is taken, with what to do about each. */
async function ensurePortsFree(ports: RequiredPort[]): Promise<void> {
  const taken: string[] = [];
  for (const required of ports) {
    if (await isPortInUse(required.port)) {
      taken.push(
        `Port ${required.port} (${required.owner}) is already in use. ${required.advice} ` +
          `"ss -ltnp 'sport = :${required.port}'" shows the process that listens on it.`,
      );
    }
  }
  if (taken.length > 0) throw new Error(taken.join('\n[dev] '));
}

/** Defines the three services. Only the app gets the variables from the env files. */
function defineServices(
  ports: DevPorts,
  appVariables: NodeJS.ProcessEnv,
): Record<'azurite' | 'app' | 'playground', ChildService> {
  const bin = (name: string): string => join(repositoryRoot, 'node_modules', '.bin', name);

  const azurite = new ChildService({
    name: 'azurite',
    command: bin('azurite-table'),
    args: [
      '--location', AZURITE_FOLDER,
      '--disableTelemetry',
      '--tableHost', AZURITE_HOST,
      '--tablePort', String(ports.azurite),
      '--skipApiVersionCheck',
      '--loose',
      // Without it, every table call (two every SLA watcher tick) prints an access-log line.
      '--silent',
    ],
    cwd: repositoryRoot,
    env: process.env,
    // Azurite 3.35 closes cleanly, saving its table data, only on SIGINT. SIGTERM ends it at once.
    stopSignal: 'SIGINT',
    stopTimeoutMs: 10_000,
  });
  // `node --import tsx` rather than the tsx CLI: the CLI runs the app in a second process and
  // relays signals, so a group-wide SIGTERM would reach the app twice.
  const app = new ChildService({
    name: 'app',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/index.ts'],
    cwd: repositoryRoot,
    env: appVariables,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 10_000,
  });
  // The Playground reads .m365agentsplayground.yml from its working directory. Without
  // TEAMSAPPTESTER_BROWSER=none it tries to open a browser and exits where none is installed.
  const playground = new ChildService({
    name: 'playground',
    command: bin('agentsplayground'),
    args: [
      'start',
      '--app-endpoint', `http://127.0.0.1:${ports.app}/api/messages`,
      '--channel-id', 'msteams',
      '--port', String(ports.playground),
      '--disable-telemetry',
    ],
    cwd: repositoryRoot,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 5_000,
    // Playground 0.2.28 writes start-up errors, such as an invalid config file, only to its log file.
    failureHint: 'Its log file devTools/m365agentsplayground.log shows why.',
  });

  return { azurite, app, playground };
}

/** Prints where to open the Playground and how to reach the customer and consultant chats. */
function printWelcome(ports: DevPorts, consultantChatId: string | undefined): void {
  const appPort = ports.app;
  log('Hotline Desk is running.');
  log(`  Open http://localhost:${ports.playground} in a browser: the Microsoft 365 Agents Playground.`);
  log(`  Customer view: the personal chat, where you are ${PLAYGROUND_CUSTOMER}.`);
  if (consultantChatId) {
    log(
      `  Consultant view: pick the group chat "${PLAYGROUND_CONSULTANT_CHAT}" in the Playground's chat list ` +
        `and send a message that @mentions ${PLAYGROUND_BOT_NAME}; the app then uses that chat ` +
        `(id ${consultantChatId}) as the consultant's chat.`,
    );
    log('  In group chats and channels the Playground, like Teams, passes only messages that @mention the bot.');
  } else {
    logError(
      '  DEV_CONSULTANT_CONVERSATION_ID is not set, so no Playground chat can act as the consultant\'s chat. ' +
        'Set it in the env file to the group chat id of .m365agentsplayground.yml.',
    );
  }
  log(`  Bot endpoint: http://localhost:${appPort}/api/messages, health: http://localhost:${appPort}/healthz`);
  log(`  Consultant's tab: http://127.0.0.1:${appPort}/tab/ (sign in with the development button when TAB_DEV_SIGN_IN=true)`);
  log(`  Table storage: Azurite on ${AZURITE_HOST}:${ports.azurite}, data in .azurite/`);
  log('Press Ctrl+C to stop.');
}

/**
 * Builds the tab into dist/tab with the project's vite.config.ts.
 *
 * @throws Error naming the failed build; Vite has printed the compiler errors before.
 */
async function buildTab(): Promise<void> {
  log('Building the consultant\'s tab into dist/tab.');
  try {
    await buildWithVite({ configFile: join(repositoryRoot, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    throw new Error(`Building the tab failed: ${(error as Error).message}. Run "npm run build:tab" to see every error.`);
  }
  log('The tab is built.');
}

async function main(): Promise<void> {
  const parsed = parseArguments(process.argv.slice(2));
  if (parsed === 'help') {
    printUsage();
    return;
  }

  // Read the app's settings first: PORT, DESK_AZURITE_PORT and PLAYGROUND_PORT decide which ports must be free.
  const environment = loadDevEnvironment(repositoryRoot, parsed.environmentName);
  log(`Loaded ${environment.filesRead.join(' and ')}.`);
  if (environment.shellOverrides.length > 0) {
    log(`Shell variables replace the file values of: ${environment.shellOverrides.join(', ')}.`);
  }
  const ports = parsePorts(environment.variables);
  const storage = useLocalTablePort(environment.variables.AZURE_STORAGE_CONNECTION_STRING ?? '', ports.azurite);
  if (storage.changed) {
    environment.variables.AZURE_STORAGE_CONNECTION_STRING = storage.connectionString;
    log(`The app's AZURE_STORAGE_CONNECTION_STRING now addresses Azurite on port ${ports.azurite} (DESK_AZURITE_PORT).`);
  }
  if (environment.variables.BOT_ID) {
    logError(
      'Warning: BOT_ID is set, so the app requires Bot Framework tokens, and the offline Playground sends none. ' +
        `Clear BOT_ID and SECRET_BOT_PASSWORD in env/.env.${parsed.environmentName}.user to use the Playground, ` +
        'or talk to the bot from Teams through a tunnel (m365agents.local.yml).',
    );
  }

  // Fail before starting anything when a port is taken. The Playground would otherwise move
  // to a random free port, and the app or Azurite would die with EADDRINUSE.
  await ensurePortsFree([
    {
      port: ports.azurite,
      owner: 'Azurite table service',
      advice: `Stop the other Azurite or the earlier "npm start" that still runs, or set DESK_AZURITE_PORT to a free port in env/.env.${parsed.environmentName}.user.`,
    },
    {
      port: ports.app,
      owner: 'app',
      advice: `Stop the process that holds it, or set PORT to a free port in env/.env.${parsed.environmentName}.user.`,
    },
    {
      port: ports.playground,
      owner: 'Agents Playground',
      advice: `Stop the other Playground or the earlier "npm start" that still runs, or set PLAYGROUND_PORT to a free port in env/.env.${parsed.environmentName}.user.`,
    },
  ]);

  // The app serves the tab from dist/tab, so the build comes before the app starts.
  await buildTab();

  mkdirSync(AZURITE_FOLDER, { recursive: true });
  const { azurite, app, playground } = defineServices(ports, environment.variables);

  const stack = new LocalStack([azurite, app, playground], [app, playground, azurite]);
  stack.installSignalHandlers();

  await stack.startAndWait(azurite, portCheck(AZURITE_HOST, ports.azurite), AZURITE_READY_TIMEOUT_MS);
  await stack.startAndWait(app, httpCheck(`http://127.0.0.1:${ports.app}/healthz`), APP_READY_TIMEOUT_MS);
  await stack.startAndWait(playground, httpCheck(`http://127.0.0.1:${ports.playground}/`), PLAYGROUND_READY_TIMEOUT_MS);
  if (stack.stopping) return;

  printWelcome(ports, environment.variables.DEV_CONSULTANT_CONVERSATION_ID);
}

/** The started services, their stop order and the one shutdown that ends the script. */
class LocalStack {
  private readonly services: ChildService[];
  private readonly stopOrder: ChildService[];
  private readonly prefixes: Map<string, string>;
  private shutdown: Promise<never> | undefined;

  constructor(startOrder: ChildService[], stopOrder: ChildService[]) {
    this.services = startOrder;
    this.stopOrder = stopOrder;
    const useColor = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
    this.prefixes = makePrefixes(startOrder.map((service) => service.name), useColor);
    // Last resort when the script ends without a shutdown (e.g. an exception in a handler).
    process.on('exit', () => this.services.forEach((service) => service.killNow()));
  }

  get stopping(): boolean {
    return this.shutdown !== undefined;
  }

  /**
   * Ctrl+C, SIGTERM or SIGHUP (the terminal closed) stops everything in order. Repeats are ignored: npm and the tsx CLI
   * relay the terminal's SIGINT, so one Ctrl+C can arrive twice, and `stop()` already
   * escalates to SIGKILL when a service hangs.
   */
  installSignalHandlers(): void {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        if (this.stopping) {
          log(`Received ${signal}; already stopping.`);
          return;
        }
        void this.stopAll(`Received ${signal}; stopping the services.`, 0);
      });
    }
  }

  /**
   * Starts the service and waits until the check passes.
   * When it exits or times out first, stops everything and exits with code 1.
   */
  async startAndWait(service: ChildService, check: ReadinessCheck, timeoutMs: number): Promise<void> {
    if (this.stopping) return;
    log(`Starting ${service.name}; waiting for ${check.description}.`);
    service.start(this.prefixes.get(service.name) ?? `[${service.name}] `);

    const startupAbort = new AbortController();
    void service.exited.then((exit) => {
      startupAbort.abort(new Error(`${service.name} exited during start-up (${describeExit(exit)})`));
      if (!service.stopRequested && !this.stopping) {
        void this.stopAll(
          `${service.name} exited unexpectedly (${describeExit(exit)}). ${service.failureHint} Stopping the other services.`,
          1,
        );
      }
    });

    try {
      await waitUntilReady(check, timeoutMs, startupAbort.signal);
      log(`${service.name} is ready.`);
    } catch (error) {
      if (this.stopping) return;
      await this.stopAll(`${service.name} did not become ready: ${(error as Error).message}. ${service.failureHint}`, 1);
    }
  }

  /** Stops the running services in stop order and exits; later calls share the first shutdown. */
  stopAll(reason: string, exitCode: number): Promise<never> {
    this.shutdown ??= this.runShutdown(reason, exitCode);
    return this.shutdown;
  }

  private async runShutdown(reason: string, exitCode: number): Promise<never> {
    (exitCode === 0 ? log : logError)(reason);
    for (const service of this.stopOrder) {
      if (!service.running) {
        service.stopRequested = true;
        continue;
      }
      log(`Stopping ${service.name}.`);
      const exit = await service.stop();
      log(`${service.name} stopped (${describeExit(exit)}).`);
    }
    process.exit(exitCode);
  }
}

try {
  await main();
} catch (error) {
  logError((error as Error).message);
  process.exit(1);
}

import { spawn } from 'node:child_process';

import { azuriteConnectionString } from '../../support/root-hooks.js';
import { repoRoot } from './hoursHarness.js';

/** Exit status and output of one `desk` run. */
export interface DeskRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Returns the environment of a `desk` subprocess: the test Azurite from the root hooks, the given table
 * prefix, the default zone and catalog, and no CONSULTANT_* variables, which storage commands must not need.
 *
 * @throws Error when called before the root hooks started Azurite, e.g. in a `describe` body, because the
 *   subprocess would otherwise use the default local Azurite of `npm start`.
 */
export function deskEnvironment(tablePrefix: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(),
    DESK_TABLE_PREFIX: tablePrefix,
    DESK_TIME_ZONE: '',
    DESK_CATALOG_PATH: '',
    DESK_HOLIDAY_REGION: '',
  };
  delete env.CONSULTANT_TENANT_ID;
  delete env.CONSULTANT_AAD_OBJECT_ID;
  delete env.CONSULTANT_NAME;
  return env;
}

/**
 * Runs the `desk` command line as a subprocess and collects its output. It starts `src/cli/main.ts` with
 * tsx, as `npm run desk` does, but without npm, so that each run skips npm's own start-up time. With
 * DESK_TEST_NOW in `env`, the subprocess's clock starts at that instant (see tests/support/shiftedClock.ts).
 */
export function runDesk(args: readonly string[], env: NodeJS.ProcessEnv): Promise<DeskRun> {
  return new Promise((resolve, reject) => {
    const clock = env.DESK_TEST_NOW ? ['--import', './tests/support/shiftedClock.ts'] : [];
    const child = spawn(process.execPath, ['--import', 'tsx', ...clock, 'src/cli/main.ts', ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { AbsenceRepository } from '../../../src/storage/absences.js';
import { createStorage } from '../../../src/storage/tables.js';
import { azuriteConnectionStringFor, findFreePort, uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Output of one `desk` run. */
interface DeskRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run --silent desk -- absence ...` as the README documents it, without any CONSULTANT_* variable.
 * Asynchronous, so the test's own Azurite keeps serving while the command runs.
 */
function deskAbsence(env: Record<string, string>, ...args: string[]): Promise<DeskRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DESK_TIME_ZONE: '', ...env };
  for (const name of Object.keys(childEnv)) {
    if (name.startsWith('CONSULTANT_')) delete childEnv[name];
  }

  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'desk', '--', 'absence', ...args], { cwd: repoRoot, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('desk absence command', function () {
  // Each case starts npm and tsx in a subprocess, which takes one to two seconds.
  this.timeout(30_000);

  let tablePrefix: string;
  let env: Record<string, string>;
  let absences: AbsenceRepository;

  beforeEach(async () => {
    tablePrefix = uniqueTablePrefix('absenceCli');
    const connectionString = azuriteConnectionString();
    env = { DESK_TABLE_PREFIX: tablePrefix, AZURE_STORAGE_CONNECTION_STRING: connectionString };
    const storage = createStorage(connectionString, { tablePrefix });
    await storage.ensureTables();
    absences = new AbsenceRepository(storage.tables);
  });

  it('add stores whole days and prints the absence', async () => {
    const run = await deskAbsence(
      env,
      'add',
      '--from', '2026-12-21',
      '--to', '2027-01-03',
      '--note', 'Weihnachtsurlaub',
      '--substitute-name', 'Petra Lang',
      '--substitute-phone', '+49 171 5550123',
    );

    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.match(String(printed.id), /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.equal(printed.from, '2026-12-21T00:00:00+01:00');
    assert.equal(printed.to, '2027-01-04T00:00:00+01:00');
    assert.equal(printed.note, 'Weihnachtsurlaub');
    assert.deepEqual(printed.substitute, { name: 'Petra Lang', phone: '+49 171 5550123' });
    assert.deepEqual(await absences.list(), [printed]);
  });

  it('add accepts instants and stores Berlin offsets', async () => {
    const run = await deskAbsence(env, 'add', '--from', '2026-07-06T06:00:00Z', '--to', '2026-07-06T13:00:00+02:00', '--note', 'Arzttermin');

    assert.equal(run.status, 0);
    const [stored] = await absences.list();
    assert.equal(stored?.from, '2026-07-06T08:00:00+02:00');
    assert.equal(stored?.to, '2026-07-06T13:00:00+02:00');
  });

  it('list prints a JSON array ordered by start', async () => {
    const later = await absences.add({ from: '2027-02-15T00:00:00+01:00', to: '2027-02-16T00:00:00+01:00', note: 'Schulung' }, new Date());
    const earlier = await absences.add({ from: '2026-12-21T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', note: 'Urlaub' }, new Date());

    const run = await deskAbsence(env, 'list');

    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), [earlier, later]);
  });

  it('list of no absences prints an empty array', async () => {
    const run = await deskAbsence(env, 'list');

    assert.equal(run.status, 0);
    assert.equal(run.stdout, '[]\n');
  });

  it('remove deletes the absence and prints it', async () => {
    const absence = await absences.add({ from: '2026-12-21T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', note: 'Urlaub' }, new Date());

    const run = await deskAbsence(env, 'remove', '--id', absence.id);

    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), absence);
    assert.deepEqual(await absences.list(), []);
  });

  it('remove of an unknown id exits 1 naming it', async () => {
    const run = await deskAbsence(env, 'remove', '--id', '01M8RE5KH00000000000000000');

    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Error: Absence "01M8RE5KH00000000000000000" not found in table "[A-Za-z0-9]+Absences"/);
  });

  it('end before start exits 2 and stores nothing', async () => {
    const run = await deskAbsence(env, 'add', '--from', '2027-01-03', '--to', '2026-12-21', '--note', 'Urlaub');

    assert.equal(run.status, 2);
    assert.match(run.stderr, /Error: Invalid absence: to "2026-12-22T00:00:00\+01:00" must lie after from "2027-01-03T00:00:00\+01:00"/);
    assert.deepEqual(await absences.list(), []);
  });

  it('overlapping absence exits 2 naming the other', async () => {
    const stored = await absences.add(
      { from: '2026-12-21T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', note: 'Weihnachtsurlaub' },
      new Date(),
    );

    const overlapping = await deskAbsence(env, 'add', '--from', '2027-01-03', '--to', '2027-01-08', '--note', 'Skiurlaub');
    const duplicate = await deskAbsence(env, 'add', '--from', '2026-12-21', '--to', '2027-01-03', '--note', 'Weihnachtsurlaub');

    for (const run of [overlapping, duplicate]) {
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(
        run.stderr,
        new RegExp(`^Error: Invalid absence: it overlaps the absence "Weihnachtsurlaub" from 2026-12-21 to 2027-01-03 \\(id ${stored.id}\\)`),
      );
    }
    assert.deepEqual(await absences.list(), [stored]);
  });

  it('absence right after another is stored', async () => {
    await absences.add({ from: '2026-12-21T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', note: 'Weihnachtsurlaub' }, new Date());

    const run = await deskAbsence(env, 'add', '--from', '2027-01-04', '--to', '2027-01-08', '--note', 'Skiurlaub');

    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.equal((await absences.list()).length, 2);
  });

  it('German date exits 2 naming the value', async () => {
    const run = await deskAbsence(env, 'add', '--from', '21.12.2026', '--to', '2027-01-03', '--note', 'Urlaub');

    assert.equal(run.status, 2);
    assert.match(run.stderr, /Error: Invalid from "21.12.2026": expected a local date such as 2026-12-21/);
  });

  it('substitute phone without name exits 2', async () => {
    const run = await deskAbsence(env, 'add', '--from', '2026-12-21', '--to', '2027-01-03', '--note', 'Urlaub', '--substitute-phone', '+49 171 5550123');

    assert.equal(run.status, 2);
    assert.match(run.stderr, /the name is missing/);
  });

  it('missing note exits 2 with usage', async () => {
    const run = await deskAbsence(env, 'add', '--from', '2026-12-21', '--to', '2027-01-03');

    assert.equal(run.status, 2);
    assert.match(run.stderr, /^Error: Missing --note\n\ndesk absence add\|list\|remove/);
  });

  it('unknown subcommand exits 2', async () => {
    const run = await deskAbsence(env, 'pause');

    assert.equal(run.status, 2);
    assert.match(run.stderr, /Unknown subcommand "pause": expected add, list or remove/);
  });

  it('unreachable storage exits 1 naming the endpoint', async function () {
    this.timeout(60_000);
    const port = await findFreePort();

    const run = await deskAbsence({ ...env, AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionStringFor(port) }, 'list');

    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Azure Table Storage is unavailable/);
    assert.match(run.stderr, new RegExp(`table endpoint http://127\\.0\\.0\\.1:${port}/devstoreaccount1 is running`));
    assert.doesNotMatch(run.stderr, /AccountKey/);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { createAbsenceDraft } from '../../../src/domain/absence.js';
import { AbsenceRepository } from '../../../src/storage/absences.js';
import { CalendarEventRepository } from '../../../src/storage/calendarEvents.js';
import { createStorage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

interface DeskResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run --silent desk -- slots ...` as the README documents it, against the test Azurite with the
 * local calendar. The child runs asynchronously so that this process keeps serving nothing in between.
 */
function deskSlots(tablePrefix: string, ...args: string[]): Promise<DeskResult> {
  const child = spawn('npm', ['run', '--silent', 'desk', '--', 'slots', ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(),
      DESK_TABLE_PREFIX: tablePrefix,
      DESK_HOLIDAY_REGION: '',
      DESK_CATALOG_PATH: '',
      DESK_BOOKABLE_HOURS: '',
      DESK_BOOKING_MIN_NOTICE_MINUTES: '',
      DESK_BOOKING_BUFFER_MINUTES: '',
      GRAPH_TENANT_ID: '',
      GRAPH_CLIENT_ID: '',
      SECRET_GRAPH_CLIENT_SECRET: '',
      GRAPH_MAILBOX: '',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

function startsOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { start: string }[]).map((slot) => slot.start);
}

describe('desk slots command', function () {
  this.timeout(30_000);

  let tablePrefix: string;

  beforeEach(() => {
    tablePrefix = uniqueTablePrefix('slotscli');
  });

  it('prints Gold check-in slots with offsets', async () => {
    const { status, stdout, stderr } = await deskSlots(tablePrefix, '--plan', 'gold', '--kind', 'check-in', '--from', '2027-02-03', '--days', '1');

    assert.equal(status, 0, stderr);
    const slots = JSON.parse(stdout) as { start: string; end: string }[];
    assert.equal(slots.length, 32);
    assert.deepEqual(slots[0], { start: '2027-02-03T09:00:00+01:00', end: '2027-02-03T09:15:00+01:00' });
    assert.deepEqual(slots.at(-1), { start: '2027-02-03T16:45:00+01:00', end: '2027-02-03T17:00:00+01:00' });
  });

  it('leaves out busy time with buffers', async () => {
    const storage = createStorage(azuriteConnectionString(), { tablePrefix });
    await storage.ensureTables();
    await new CalendarEventRepository(storage.tables).insert({
      eventId: 'local-seeded-appointment',
      transactionId: 'seeded-appointment',
      subject: 'Workshop',
      body: '',
      start: '2027-02-03T09:00:00.000Z',
      end: '2027-02-03T10:00:00.000Z',
      attendeeName: 'Berater',
      attendeeEmail: 'berater@contoso-beratung.de',
      showAs: 'busy',
      cancelled: false,
    });

    const { status, stdout } = await deskSlots(tablePrefix, '--plan', 'gold', '--kind', 'check-in', '--from', '2027-02-03', '--days', '1');

    assert.equal(status, 0);
    const starts = startsOf(stdout);
    assert.ok(starts.includes('2027-02-03T09:30:00+01:00'));
    assert.ok(!starts.includes('2027-02-03T09:45:00+01:00'));
    assert.ok(!starts.includes('2027-02-03T11:00:00+01:00'));
    assert.ok(starts.includes('2027-02-03T11:15:00+01:00'));
    assert.equal(starts.length, 32 - 6);
  });

  it('leaves out the consultant\'s absence', async () => {
    const storage = createStorage(azuriteConnectionString(), { tablePrefix });
    await storage.ensureTables();
    const draft = createAbsenceDraft({ from: '2027-02-03T12:00:00+01:00', to: '2027-02-04', note: 'Arzttermin und Urlaub' }, 'Europe/Berlin');
    await new AbsenceRepository(storage.tables).add(draft, new Date('2027-01-20T10:00:00Z'));

    const { status, stdout, stderr } = await deskSlots(tablePrefix, '--plan', 'gold', '--kind', 'check-in', '--from', '2027-02-03', '--days', '3');

    assert.equal(status, 0, stderr);
    const starts = startsOf(stdout);
    assert.equal(starts[0], '2027-02-03T09:00:00+01:00');
    assert.ok(starts.includes('2027-02-03T11:45:00+01:00'));
    assert.ok(!starts.includes('2027-02-03T12:00:00+01:00'));
    assert.ok(!starts.some((start) => start.startsWith('2027-02-04')));
    assert.equal(starts.filter((start) => start.startsWith('2027-02-05')).length, 32);
    assert.equal(starts.length, 12 + 32);
  });

  it('90-minute roadmap review steps every 90 minutes', async () => {
    const { stdout } = await deskSlots(tablePrefix, '--plan', 'enterprise', '--kind', 'roadmap-review', '--from', '2027-02-03', '--days', '1');

    assert.deepEqual(JSON.parse(stdout), [
      { start: '2027-02-03T09:00:00+01:00', end: '2027-02-03T10:30:00+01:00' },
      { start: '2027-02-03T10:30:00+01:00', end: '2027-02-03T12:00:00+01:00' },
      { start: '2027-02-03T12:00:00+01:00', end: '2027-02-03T13:30:00+01:00' },
      { start: '2027-02-03T13:30:00+01:00', end: '2027-02-03T15:00:00+01:00' },
      { start: '2027-02-03T15:00:00+01:00', end: '2027-02-03T16:30:00+01:00' },
    ]);
  });

  it('Ascension Day 2027 has no slots', async () => {
    const { status, stdout } = await deskSlots(tablePrefix, '--plan', 'gold', '--kind', 'check-in', '--from', '2027-05-06', '--days', '1');

    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(stdout), []);
  });

  it('week search skips the weekend', async () => {
    const { stdout } = await deskSlots(tablePrefix, '--plan', 'professional', '--kind', 'strategy-meeting', '--from', '2027-02-05', '--days', '4');

    const dates = [...new Set(startsOf(stdout).map((start) => start.slice(0, 10)))];
    assert.deepEqual(dates, ['2027-02-05', '2027-02-08']);
  });

  it('kind missing from the plan names its kinds', async () => {
    const { status, stdout, stderr } = await deskSlots(tablePrefix, '--plan', 'silver', '--kind', 'check-in', '--from', '2027-02-03');

    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /Plan "silver" has no "check-in" entitlement; its kinds: proactive-call/);
  });

  it('plan without bookable calls says so', async () => {
    const { status, stderr } = await deskSlots(tablePrefix, '--plan', 'bronze', '--kind', 'check-in', '--from', '2027-02-03');

    assert.equal(status, 1);
    assert.match(stderr, /Plan "bronze" has no "check-in" entitlement; it includes no bookable calls/);
  });

  it('missing --from exits with usage', async () => {
    const { status, stderr } = await deskSlots(tablePrefix, '--plan', 'gold', '--kind', 'check-in');

    assert.equal(status, 2);
    assert.match(stderr, /Missing --from/);
    assert.match(stderr, /desk slots --plan/);
  });

  it('invalid --days exits with usage', async () => {
    const { status, stderr } = await deskSlots(tablePrefix, '--plan', 'gold', '--kind', 'check-in', '--from', '2027-02-03', '--days', '0');

    assert.equal(status, 2);
    assert.match(stderr, /Invalid --days "0"/);
  });
});

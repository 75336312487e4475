import assert from 'node:assert/strict';

import type { Clock } from '../../../src/domain/clock.js';
import { AbsenceService } from '../../../src/services/absenceService.js';
import { ABSENCE_PARTITION_KEY, AbsenceRepository } from '../../../src/storage/absences.js';
import { createStorage, type Storage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const BERLIN = 'Europe/Berlin';
const CREATED_AT = new Date('2026-12-01T10:15:00+01:00');

const christmasDraft = {
  from: '2026-12-21T00:00:00+01:00',
  to: '2027-01-04T00:00:00+01:00',
  note: 'Weihnachtsurlaub',
  substitute: { name: 'Petra Lang', phone: '+49 171 5550123' },
};

describe('AbsenceRepository', () => {
  let storage: Storage;
  let absences: AbsenceRepository;

  beforeEach(async () => {
    storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('absences') });
    await storage.ensureTables();
    absences = new AbsenceRepository(storage.tables);
  });

  it('add stores one row per absence', async () => {
    const absence = await absences.add(christmasDraft, CREATED_AT);

    const row = await storage.tables.absences.getEntity<Record<string, unknown>>(ABSENCE_PARTITION_KEY, absence.id);
    assert.equal(row.partitionKey, 'consultant');
    assert.equal(row.rowKey, absence.id);
    assert.equal(row.from, '2026-12-21T00:00:00+01:00');
    assert.equal(row.to, '2027-01-04T00:00:00+01:00');
    assert.equal(row.note, 'Weihnachtsurlaub');
    assert.equal(row.createdAt, '2026-12-01T09:15:00.000Z');
    assert.equal(row.substituteName, 'Petra Lang');
    assert.equal(row.substitutePhone, '+49 171 5550123');
    assert.equal(row.substituteAadObjectId, undefined);
  });

  it('id starts with the creation time', async () => {
    const absence = await absences.add(christmasDraft, CREATED_AT);

    assert.match(absence.id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.equal(absence.id.slice(0, 10), '01M8RE5KH0');
  });

  it('list returns absences ordered by start', async () => {
    const sick = await absences.add(
      { from: '2026-11-13T00:00:00+01:00', to: '2026-11-14T00:00:00+01:00', note: 'krank' },
      new Date('2026-12-02T08:00:00+01:00'),
    );
    const christmas = await absences.add(christmasDraft, CREATED_AT);

    assert.deepEqual(await absences.list(), [sick, christmas]);
    assert.equal((await absences.list())[0]?.substitute, undefined);
  });

  it('absence with Teams identity round trips', async () => {
    const substitute = {
      name: 'Petra Lang',
      phone: '+49 171 5550123',
      aadObjectId: '3c1e5a7b-9d2f-4b6a-8c0e-1f2a3b4c5d6e',
      tenantId: '4d2f6b8c-0e1a-4c7b-9d1f-2a3b4c5d6e7f',
    };
    const absence = await absences.add({ ...christmasDraft, substitute }, CREATED_AT);

    assert.deepEqual(await absences.list(), [absence]);
    assert.deepEqual(absence.substitute, substitute);
  });

  it('remove deletes the row and returns it', async () => {
    const absence = await absences.add(christmasDraft, CREATED_AT);

    assert.deepEqual(await absences.remove(absence.id), absence);
    assert.deepEqual(await absences.list(), []);
  });

  it('remove of an unknown id names it', async () => {
    await assert.rejects(absences.remove('01M8RE5KH00000000000000000'), {
      name: 'EntityNotFoundError',
      message: /^Absence "01M8RE5KH00000000000000000" not found in table "tabsences[0-9a-f]{6}Absences"/,
    });
  });

  it('list of an empty table is empty', async () => {
    assert.deepEqual(await absences.list(), []);
  });
});

describe('AbsenceService', () => {
  const clock: Clock = { now: () => CREATED_AT };
  let storage: Storage;
  let service: AbsenceService;

  beforeEach(async () => {
    storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('absenceService') });
    await storage.ensureTables();
    service = new AbsenceService(new AbsenceRepository(storage.tables), BERLIN, clock);
  });

  it('add turns whole days into the stored span', async () => {
    const absence = await service.add({
      from: '2026-12-21',
      to: '2027-01-03',
      note: 'Weihnachtsurlaub',
      substitute: { name: 'Petra Lang', phone: '+49 171 5550123' },
    });

    assert.equal(absence.from, '2026-12-21T00:00:00+01:00');
    assert.equal(absence.to, '2027-01-04T00:00:00+01:00');
    assert.deepEqual(await service.list(), [absence]);
  });

  it('invalid absence stores nothing', async () => {
    await assert.rejects(service.add({ from: '2027-01-03', to: '2026-12-21', note: 'Urlaub' }), { name: 'InvalidAbsenceError' });

    assert.deepEqual(await service.list(), []);
  });

  it('activeAt finds the absence and the return', async () => {
    const absence = await service.add({ from: '2026-12-21', to: '2027-01-03', note: 'Weihnachtsurlaub' });

    const active = await service.activeAt(new Date('2026-12-22T09:00:00+01:00'));

    assert.equal(active?.id, absence.id);
    assert.equal(active?.backAt, '2027-01-04T00:00:00+01:00');
    assert.equal(await service.activeAt(new Date('2027-01-04T00:00:00+01:00')), undefined);
  });

  it('excludedIntervals lists every absence', async () => {
    await service.add({ from: '2026-12-21', to: '2027-01-03', note: 'Weihnachtsurlaub' });
    await service.add({ from: '2027-02-15T12:00:00+01:00', to: '2027-02-15T18:00:00+01:00', note: 'Arzttermin' });

    assert.deepEqual(await service.excludedIntervals(), [
      { startMs: Date.parse('2026-12-21T00:00:00+01:00'), endMs: Date.parse('2027-01-04T00:00:00+01:00') },
      { startMs: Date.parse('2027-02-15T12:00:00+01:00'), endMs: Date.parse('2027-02-15T18:00:00+01:00') },
    ]);
  });
});

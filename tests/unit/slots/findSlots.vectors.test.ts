import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findSlots, type BusyStatus } from '../../../src/domain/slots/index.js';
import { berlinInstant, berlinSlotSearch, localTimeOf, toUtc } from './berlinSlotSearch.js';

interface SlotVector {
  id: string;
  duration: number;
  step?: number;
  day: string;
  busy?: { status: BusyStatus; start: string; end: string }[];
  bufferBefore?: number;
  bufferAfter?: number;
  expectFirstUtc?: string;
  expectLastUtc?: string;
  expectCount?: number;
  expectLocalStarts?: string[];
  expectFirstLocal?: string;
  expectLastLocal?: string;
  note?: string;
}

const vectors = JSON.parse(readFileSync(new URL('./slots.vectors.json', import.meta.url), 'utf8')) as {
  cases: SlotVector[];
};

/** The race vector needs two concurrent bookings and belongs to the integration tests. */
const slotSearchVectors = vectors.cases.filter((vector) => vector.id !== 'race');

function slotsFor(vector: SlotVector, overrides: { bufferBefore?: number; bufferAfter?: number } = {}) {
  const busy = (vector.busy ?? []).map((item) => ({
    status: item.status,
    start: berlinInstant(vector.day, item.start),
    end: berlinInstant(vector.day, item.end),
  }));
  return findSlots(
    berlinSlotSearch(vector.day, vector.duration, {
      ...(vector.step === undefined ? {} : { stepMinutes: vector.step }),
      busy,
      bufferBeforeMinutes: overrides.bufferBefore ?? vector.bufferBefore ?? 0,
      bufferAfterMinutes: overrides.bufferAfter ?? vector.bufferAfter ?? 0,
    }),
  );
}

describe('findSlots worked examples', () => {
  it('vector file still contains every case', () => {
    assert.deepEqual(
      vectors.cases.map((vector) => vector.id),
      ['dst-spring', 'dst-autumn', 'statuses', 'buffers', 'end-boundary', 'holiday', 'race'],
    );
  });

  for (const vector of slotSearchVectors) {
    it(`${vector.id} on ${vector.day}`, () => {
      const slots = slotsFor(vector);
      const first = slots[0];
      const last = slots.at(-1);

      if (vector.expectCount !== undefined) {
        assert.equal(slots.length, vector.expectCount);
      }
      if (vector.expectFirstUtc !== undefined) {
        assert.equal(first && toUtc(first.start), vector.expectFirstUtc);
      }
      if (vector.expectLastUtc !== undefined) {
        assert.equal(last && toUtc(last.start), vector.expectLastUtc);
      }
      if (vector.expectFirstLocal !== undefined) {
        assert.equal(first && localTimeOf(first.start), vector.expectFirstLocal);
      }
      if (vector.expectLastLocal !== undefined) {
        assert.equal(last && localTimeOf(last.start), vector.expectLastLocal);
      }
      if (vector.expectLocalStarts !== undefined) {
        assert.deepEqual(
          slots.map((slot) => localTimeOf(slot.start)),
          vector.expectLocalStarts,
        );
      }
    });
  }

  it('dst-spring Monday after the switch uses CEST', () => {
    const vector = slotSearchVectors.find((candidate) => candidate.id === 'dst-spring');
    assert.ok(vector);

    const slots = slotsFor({ ...vector, day: '2026-03-30' });
    const first = slots[0];
    const last = slots.at(-1);

    assert.equal(slots.length, 8);
    assert.equal(first?.start, '2026-03-30T09:00:00+02:00');
    assert.equal(first && toUtc(first.start), '2026-03-30T07:00:00Z');
    assert.equal(last?.start, '2026-03-30T16:00:00+02:00');
    assert.equal(last && toUtc(last.start), '2026-03-30T14:00:00Z');
  });

  it('buffers vector without buffers has 22 slots', () => {
    const vector = slotSearchVectors.find((candidate) => candidate.id === 'buffers');
    assert.ok(vector);

    const slots = slotsFor(vector, { bufferBefore: 0, bufferAfter: 0 });
    const localStarts = slots.map((slot) => localTimeOf(slot.start));

    assert.equal(slots.length, 22);
    assert.equal(slots[0]?.start, '2026-07-16T09:00:00+02:00');
    assert.equal(slots[1]?.start, '2026-07-16T11:00:00+02:00');
    assert.equal(slots.at(-1)?.start, '2026-07-16T16:00:00+02:00');
    assert.ok(!localStarts.includes('09:15'), `09:15 overlaps the busy hour: ${localStarts.join(' ')}`);
  });
});

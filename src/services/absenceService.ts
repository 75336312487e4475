import { DateTime } from 'luxon';

import {
  absenceIntervals,
  activeAbsence,
  createAbsenceDraft,
  InvalidAbsenceError,
  type Absence,
  type AbsenceDraft,
  type AbsenceInput,
  type ActiveAbsence,
} from '../domain/absence.js';
import type { Clock } from '../domain/clock.js';
import type { Interval } from '../domain/interval.js';
import type { AbsenceRepository } from '../storage/absences.js';

/** The consultant's absences: entering and removing them, and what they mean for customers and deadlines. */
export class AbsenceService {
  /**
   * @param absences - Repository of table "absences".
   * @param zone - IANA zone in which local dates of the input are whole days, e.g. "Europe/Berlin".
   * @param clock - Source of the creation instant of new absences.
   */
  constructor(
    private readonly absences: AbsenceRepository,
    private readonly zone: string,
    private readonly clock: Clock,
  ) {}

  /**
   * Validates and stores an absence. A local date as `from` starts at that day's midnight and a local date
   * as `to` ends at the next day's midnight in the zone.
   *
   * @throws InvalidAbsenceError naming the first invalid value, or naming the dates of a stored absence that
   *   the new one overlaps; nothing is stored then.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async add(input: AbsenceInput): Promise<Absence> {
    const draft = createAbsenceDraft(input, this.zone);
    // NOTE: two overlapping absences added at the same moment can both pass this check, because the
    // repository has no lock over all absences. The consultant is the only writer, so that is unlikely.
    this.rejectOverlap(draft, await this.absences.list());
    return this.absences.add(draft, this.clock.now());
  }

  /** Rejects a draft that shares any instant with a stored absence; both are half-open intervals. */
  private rejectOverlap(draft: AbsenceDraft, stored: readonly Absence[]): void {
    const fromMs = Date.parse(draft.from);
    const toMs = Date.parse(draft.to);
    const other = stored.find((absence) => fromMs < Date.parse(absence.to) && Date.parse(absence.from) < toMs);
    if (!other) return;

    const otherFrom = DateTime.fromISO(other.from, { zone: this.zone }).toISODate();
    // `to` is exclusive, so the last day of the other absence is the day of the instant just before it.
    const otherLastDay = DateTime.fromISO(other.to, { zone: this.zone }).minus({ milliseconds: 1 }).toISODate();
    throw new InvalidAbsenceError(
      `Invalid absence: it overlaps the absence "${other.note}" from ${otherFrom} to ${otherLastDay} (id ${other.id}); ` +
        'change the dates or remove the other absence first',
      'from',
      'absenceOverlap',
      { from: otherFrom ?? other.from, to: otherLastDay ?? other.to },
    );
  }

  /** Returns every absence, past ones included, ordered by start. */
  async list(): Promise<Absence[]> {
    return this.absences.list();
  }

  /**
   * Removes an absence and returns it.
   *
   * @throws EntityNotFoundError naming the id when no absence has it.
   */
  async remove(id: string): Promise<Absence> {
    return this.absences.remove(id);
  }

  /** Returns the absence in force at `now` with the instant the consultant is back, or undefined. */
  async activeAt(now: Date): Promise<ActiveAbsence | undefined> {
    return activeAbsence(await this.absences.list(), now);
  }

  /** Returns every absence as an interval that the plan clock of a callback deadline skips. */
  async excludedIntervals(): Promise<Interval[]> {
    return absenceIntervals(await this.absences.list());
  }
}

import { randomBytes } from 'node:crypto';

import { odata, type TableClient } from '@azure/data-tables';

import { compareAbsenceOrder, type Absence, type AbsenceDraft, type AbsenceSubstitute } from '../domain/absence.js';
import { assertRowSize, definedColumns, RowReader, type StoredRow } from './columns.js';
import { callTable, ConflictError, EntityNotFoundError, findRow, isConflict, isNotFound } from './errors.js';
import { decodeKey, encodeKey } from './keys.js';
import type { StorageTables } from './tables.js';

/** PartitionKey of every absence row: there is one consultant, and the table stays small. */
export const ABSENCE_PARTITION_KEY = 'consultant';

/** Crockford's base 32 alphabet, as ULIDs use it: no I, L, O or U. */
const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ULID_TIME_CHARACTERS = 10;
const ULID_RANDOM_BYTES = 10;
const ULID_RANDOM_CHARACTERS = 16;
const MAX_ULID_TIME_MS = 2 ** 48 - 1;

/**
 * Creates a ULID: 10 characters of the creation time in milliseconds and 16 characters of randomness,
 * e.g. "01KCX3F8Q0Z4W6N2M8R5T7V9XA". Ids of different milliseconds sort in creation order as plain strings,
 * and ids within one millisecond sort at random.
 *
 * @param random - Source of the 10 random bytes; tests may pass a fixed one.
 * @throws RangeError naming the instant when it lies before 1970 or beyond the 48-bit time range.
 */
export function newAbsenceId(createdAt: Date, random: (size: number) => Uint8Array = randomBytes): string {
  let timeMs = createdAt.getTime();
  if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs > MAX_ULID_TIME_MS) {
    throw new RangeError(`newAbsenceId: instant ${String(createdAt)} is outside the ULID time range`);
  }

  let time = '';
  for (let index = 0; index < ULID_TIME_CHARACTERS; index += 1) {
    time = ULID_ALPHABET[timeMs % 32] + time;
    timeMs = Math.floor(timeMs / 32);
  }

  let bits = 0n;
  for (const byte of random(ULID_RANDOM_BYTES)) {
    bits = (bits << 8n) | BigInt(byte);
  }
  let randomPart = '';
  for (let index = 0; index < ULID_RANDOM_CHARACTERS; index += 1) {
    randomPart = ULID_ALPHABET[Number(bits & 31n)] + randomPart;
    bits >>= 5n;
  }

  return time + randomPart;
}

/**
 * The consultant's absences in table "absences": PartitionKey {@link ABSENCE_PARTITION_KEY}, RowKey = the
 * absence id (a ULID), columns `from`, `to`, `note`, `createdAt` and, when a substitute is set,
 * `substituteName`, `substitutePhone`, `substituteAadObjectId` and `substituteTenantId`.
 *
 * Absences are only added and removed, never changed, so no write needs an ETag check.
 */
export class AbsenceRepository {
  private readonly table: TableClient;

  /** @param tables - Table clients from `createStorage`; this repository uses "absences". */
  constructor(tables: StorageTables) {
    this.table = tables.absences;
  }

  /**
   * Stores an absence under a new id. The draft is stored as given, so validate it first.
   *
   * @param createdAt - Creation instant; it orders the ids and is stored in column `createdAt`.
   * @throws ConflictError when the generated id is already taken (two ids in one millisecond with equal randomness).
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async add(draft: AbsenceDraft, createdAt: Date): Promise<Absence> {
    const absence: Absence = { id: newAbsenceId(createdAt), ...draft };
    const entity = this.toEntity(absence, createdAt);

    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
    } catch (error) {
      if (isConflict(error)) {
        throw new ConflictError(`Absence id "${absence.id}" already exists in table "${this.table.tableName}"`, {
          cause: error,
        });
      }
      throw error;
    }
    return absence;
  }

  /** Returns every stored absence ordered by `from`, then by id. */
  async list(): Promise<Absence[]> {
    const filter = odata`PartitionKey eq ${ABSENCE_PARTITION_KEY}`;
    const absences = await callTable(this.table, 'listEntities', async () => {
      const found: Absence[] = [];
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        found.push(this.toAbsence(row));
      }
      return found;
    });

    return absences.sort(compareAbsenceOrder);
  }

  /**
   * Deletes an absence and returns what was stored.
   *
   * @throws EntityNotFoundError naming the id when no absence has it.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async remove(id: string): Promise<Absence> {
    const rowKey = encodeKey(id);
    const notFound = () =>
      new EntityNotFoundError(`Absence "${id}" not found in table "${this.table.tableName}"; "desk absence list" shows the ids`);

    const row = await findRow(this.table, ABSENCE_PARTITION_KEY, rowKey);
    if (row === undefined) throw notFound();

    const absence = this.toAbsence(row);
    try {
      await callTable(this.table, 'deleteEntity', () => this.table.deleteEntity(ABSENCE_PARTITION_KEY, rowKey));
    } catch (error) {
      // A concurrent remove of the same id was first; the absence is gone either way.
      if (isNotFound(error)) throw notFound();
      throw error;
    }
    return absence;
  }

  private toEntity(absence: Absence, createdAt: Date) {
    const entity = {
      partitionKey: ABSENCE_PARTITION_KEY,
      rowKey: encodeKey(absence.id),
      ...definedColumns({
        from: absence.from,
        to: absence.to,
        note: absence.note,
        createdAt: createdAt.toISOString(),
        substituteName: absence.substitute?.name,
        substitutePhone: absence.substitute?.phone,
        substituteAadObjectId: absence.substitute?.aadObjectId,
        substituteTenantId: absence.substitute?.tenantId,
      }),
    };

    assertRowSize(entity, this.table.tableName);
    return entity;
  }

  private toAbsence(row: StoredRow): Absence {
    const columns = new RowReader(row, this.table.tableName);
    const absence: Absence = {
      id: decodeKey(columns.rowKey()),
      from: columns.string('from'),
      to: columns.string('to'),
      note: columns.string('note'),
    };

    const substituteName = columns.optionalString('substituteName');
    if (substituteName !== undefined) {
      const substitute: AbsenceSubstitute = { name: substituteName };
      const phone = columns.optionalString('substitutePhone');
      const aadObjectId = columns.optionalString('substituteAadObjectId');
      const tenantId = columns.optionalString('substituteTenantId');
      if (phone !== undefined) substitute.phone = phone;
      if (aadObjectId !== undefined) substitute.aadObjectId = aadObjectId;
      if (tenantId !== undefined) substitute.tenantId = tenantId;
      absence.substitute = substitute;
    }

    for (const column of ['from', 'to'] as const) {
      if (Number.isNaN(Date.parse(absence[column]))) {
        throw columns.invalid(column, 'an ISO 8601 instant with offset', absence[column]);
      }
    }
    return absence;
  }
}

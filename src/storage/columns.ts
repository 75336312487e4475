import type { TableEntity, TableEntityResult } from '@azure/data-tables';

import { decodeKey } from './keys.js';

/** A row as the Azure SDK returns it, with untyped columns. */
export type StoredRow = TableEntityResult<Record<string, unknown>>;

/** Column value types this layer writes; nested data goes into JSON strings. */
export type ColumnValue = string | number | boolean;

/** Maximum length of one string property in UTF-16 code units: Azure allows 64 KiB, 2 bytes per unit. */
export const MAX_STRING_PROPERTY_LENGTH = 32 * 1024;

/** Azure's limit on the total size of one entity, in bytes. */
const MAX_ENTITY_BYTES = 1024 * 1024;

/** Thrown when a stored row lacks a column or contains a value of the wrong type, e.g. after a manual edit. */
export class InvalidRowError extends Error {
  override readonly name = 'InvalidRowError';
}

/** Thrown when a row to write exceeds Azure's per-property or per-entity size limit. */
export class RowTooLargeError extends Error {
  override readonly name = 'RowTooLargeError';
}

/** Typed access to the columns of one stored row; every error names the table, the keys and the column. */
export class RowReader {
  /**
   * @param row - Row returned by the Azure SDK.
   * @param tableName - Table the row came from, for error messages.
   */
  constructor(
    private readonly row: StoredRow,
    private readonly tableName: string,
  ) {}

  /** ETag of the row as read. */
  get etag(): string {
    return this.row.etag;
  }

  /** Decoded PartitionKey. */
  partitionKey(): string {
    return decodeKey(this.requireKey(this.row.partitionKey, 'PartitionKey'));
  }

  /** RowKey as stored, without decoding. */
  rowKey(): string {
    return this.requireKey(this.row.rowKey, 'RowKey');
  }

  /** Reads a string column that must be present. */
  string(column: string): string {
    const value = this.row[column];
    if (typeof value !== 'string') {
      throw this.invalid(column, 'a string', value);
    }
    return value;
  }

  /** Reads a string column that may be missing. */
  optionalString(column: string): string | undefined {
    return this.row[column] === undefined ? undefined : this.string(column);
  }

  /** Reads a numeric column that must be present. */
  number(column: string): number {
    const value = this.row[column];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw this.invalid(column, 'a number', value);
    }
    return value;
  }

  /** Reads a boolean column that must be present. */
  boolean(column: string): boolean {
    const value = this.row[column];
    if (typeof value !== 'boolean') {
      throw this.invalid(column, 'a boolean', value);
    }
    return value;
  }

  /** Reads a boolean column that may be missing. */
  optionalBoolean(column: string): boolean | undefined {
    return this.row[column] === undefined ? undefined : this.boolean(column);
  }

  /** Reads a string column whose value must be one of `allowed`. */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.string(column);
    if (!(allowed as readonly string[]).includes(value)) {
      throw this.invalid(column, `one of ${allowed.join(', ')}`, value);
    }
    return value as T;
  }

  /** Reads a column that may be missing and otherwise must be one of `allowed`. */
  optionalOneOf<T extends string>(column: string, allowed: readonly T[]): T | undefined {
    return this.row[column] === undefined ? undefined : this.oneOf(column, allowed);
  }

  /** Parses a string column that contains JSON. */
  json(column: string): unknown {
    const text = this.string(column);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new InvalidRowError(`${this.describeRow()}: column "${column}" does not contain valid JSON`, { cause: error });
    }
  }

  /** Builds an {@link InvalidRowError} for a column whose content fails a check of the caller. */
  invalid(column: string, expected: string, value: unknown): InvalidRowError {
    const preview = JSON.stringify(value) ?? String(value);
    return new InvalidRowError(
      `${this.describeRow()}: column "${column}" must be ${expected}, found ${preview.slice(0, 80)}; fix or delete the row`,
    );
  }

  private requireKey(key: string | undefined, name: string): string {
    if (key === undefined) {
      throw new InvalidRowError(`A row of table "${this.tableName}" was read without its ${name}`);
    }
    return key;
  }

  private describeRow(): string {
    return `Row (PartitionKey "${this.row.partitionKey}", RowKey "${this.row.rowKey}") of table "${this.tableName}"`;
  }
}

/** Returns the columns without the `undefined` ones, so optional fields are left out of the row. */
export function definedColumns(columns: Record<string, ColumnValue | undefined>): Record<string, ColumnValue> {
  const defined: Record<string, ColumnValue> = {};
  for (const [name, value] of Object.entries(columns)) {
    if (value !== undefined) {
      defined[name] = value;
    }
  }
  return defined;
}

/** Returns a copy without the `undefined` fields, so an optional field read from a missing column stays absent. */
export function omitUndefined<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * Checks a row against Azure's limits before it is written: 64 KiB per string property and 1 MiB per entity.
 * The entity size follows Azure's published estimate (2 bytes per character of keys, names and strings,
 * 8 bytes per property plus the value, 8 for a number, 1 for a boolean).
 *
 * @throws RowTooLargeError naming the table, the keys and the offending column.
 */
export function assertRowSize(entity: TableEntity<Record<string, ColumnValue>>, tableName: string): void {
  let bytes = 4 + 2 * (entity.partitionKey.length + entity.rowKey.length);

  for (const [name, value] of Object.entries(entity)) {
    if (name === 'partitionKey' || name === 'rowKey') {
      continue;
    }
    if (typeof value === 'string' && value.length > MAX_STRING_PROPERTY_LENGTH) {
      throw new RowTooLargeError(
        `Column "${name}" of row (PartitionKey "${entity.partitionKey}", RowKey "${entity.rowKey}") in table "${tableName}" ` +
          `has ${value.length} characters, the maximum is ${MAX_STRING_PROPERTY_LENGTH}`,
      );
    }
    bytes += 8 + 2 * name.length + valueBytes(value);
  }

  if (bytes > MAX_ENTITY_BYTES) {
    throw new RowTooLargeError(
      `Row (PartitionKey "${entity.partitionKey}", RowKey "${entity.rowKey}") in table "${tableName}" ` +
        `has about ${bytes} bytes, the maximum is ${MAX_ENTITY_BYTES}`,
    );
  }
}

function valueBytes(value: ColumnValue): number {
  if (typeof value === 'string') {
    return 4 + 2 * value.length;
  }
  return typeof value === 'number' ? 8 : 1;
}

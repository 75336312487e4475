/** Prefix of every readable request number. */
export const REQUEST_NUMBER_PREFIX = 'HD';

const requestNumberPattern = /^HD-(\d{4})-(\d{4,})$/;

/** Formats a yearly sequence number as "HD-2026-0001" (four digits at least, more past 9999). */
export function formatRequestNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new Error(`formatRequestNumber: sequence must be a positive integer, got ${sequence}`);
  }
  return `${REQUEST_NUMBER_PREFIX}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Returns whether a value has the form of a request number, so card data can be checked before any lookup. */
export function isRequestNumber(value: unknown): value is string {
  return typeof value === 'string' && requestNumberPattern.test(value);
}

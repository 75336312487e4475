/** Byte order mark that makes Excel read a CSV file as UTF-8 instead of the system code page. */
export const UTF8_BOM = '\uFEFF';

/** Field separator of German spreadsheets, where the comma is the decimal separator. */
export const CSV_SEPARATOR = ';';

/** A character that makes a spreadsheet evaluate a cell as a formula when it comes first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text, a whole number written as it is (counts, minutes), or an amount in euro cents written with a decimal comma. */
export type CsvCell = string | number | { euroCents: number };

/**
 * Formats euro cents with a decimal comma and two decimals, without thousands separators, e.g. 112800 as
 * "1128,00", so that German spreadsheets read it as a number.
 *
 * @throws RangeError naming a value that is not a whole number of cents.
 */
export function formatEuroCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Invalid amount ${cents}: expected a whole number of euro cents`);
  }
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * Joins rows into CSV text for German spreadsheets: UTF-8 byte order mark, ";" between fields and "\n"
 * after each row, the last one included, so a file download and the command line's output are the same bytes.
 * A text field is quoted when it contains ";", a quote or a line break,
 * and a text that a spreadsheet would take for a formula gets a leading apostrophe.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => `${row.map(formatCell).join(CSV_SEPARATOR)}\n`).join('');
}

function formatCell(cell: CsvCell): string {
  if (typeof cell === 'number') {
    return String(cell);
  }
  if (typeof cell === 'object') {
    return formatEuroCents(cell.euroCents);
  }

  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

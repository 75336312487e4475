const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks that `month` is a calendar month written "yyyy-MM".
 *
 * @throws Error naming the invalid value.
 */
export function assertMonth(month: string): void {
  if (!MONTH_PATTERN.test(month)) {
    throw new Error(`Invalid month "${month}"; expected "yyyy-MM", e.g. "2026-11"`);
  }
}

/**
 * Returns the calendar month after `month`, e.g. "2027-01" after "2026-12".
 *
 * @throws Error naming an invalid month.
 */
export function nextMonth(month: string): string {
  assertMonth(month);

  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  if (monthNumber === 12) {
    return `${String(year + 1).padStart(4, '0')}-01`;
  }
  return `${month.slice(0, 4)}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/**
 * Checks that `date` is an existing local date "yyyy-MM-dd" inside `month`.
 *
 * @throws Error naming the invalid date or the month it falls outside of.
 */
export function assertDateInMonth(date: string, month: string): void {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) {
    throw new Error(`Invalid date "${date}"; expected a local date "yyyy-MM-dd"`);
  }

  const [, year = 0, monthOfYear = 0, day = 0] = match.map(Number);
  const calendarDate = new Date(0);
  calendarDate.setUTCFullYear(year, monthOfYear - 1, day);
  if (calendarDate.getUTCMonth() + 1 !== monthOfYear || calendarDate.getUTCDate() !== day) {
    throw new Error(`Invalid date "${date}"; that day does not exist`);
  }

  if (!date.startsWith(`${month}-`)) {
    throw new Error(`Date "${date}" lies outside the statement month ${month}`);
  }
}

/**
 * Reads hours as a person types them and converts them to whole minutes: "2" is 120, "1,5" and "1.5"
 * are 90. Accepts a number too, because Adaptive Card inputs may arrive as numbers.
 *
 * @returns the minutes, or undefined for a negative value, text that is no number, or hours that are no
 *   whole number of minutes, e.g. "0,01".
 */
export function parseHoursInput(value: string | number | undefined): number | undefined {
  let hours: number;
  if (typeof value === 'number') {
    hours = value;
  } else {
    const text = (value ?? '').trim();
    if (!/^\d{1,6}([.,]\d{1,4})?$/.test(text)) {
      return undefined;
    }
    hours = Number(text.replace(',', '.'));
  }

  const minutes = Math.round(hours * 60);
  if (!Number.isFinite(hours) || hours < 0 || Math.abs(hours * 60 - minutes) > 1e-6) {
    return undefined;
  }
  return minutes;
}

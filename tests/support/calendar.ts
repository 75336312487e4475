import { fileURLToPath } from 'node:url';
import { loadCatalogFile } from '../../src/catalogFile.js';
import { createHolidayCalendar } from '../../src/domain/businessCalendar.js';
import type { BusinessCalendar } from '../../src/domain/serviceWindows.js';

/** Absolute path of the committed service catalog. */
export const catalogPath = fileURLToPath(new URL('../../config/plans.json', import.meta.url));

/** The committed service catalog, as the app loads it. */
export const catalog = loadCatalogFile(catalogPath);

/** Builds a Europe/Berlin business calendar for a holiday region, with the catalog's half-day end. */
export function berlinCalendar(region = 'DE-NW'): BusinessCalendar {
  return { zone: 'Europe/Berlin', holidays: createHolidayCalendar(region), halfDayEnd: catalog.halfDayEnd };
}

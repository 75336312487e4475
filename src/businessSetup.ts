import { loadCatalogFile } from './catalogFile.js';
import type { BusinessConfig } from './config.js';
import { createHolidayCalendar } from './domain/businessCalendar.js';
import type { Catalog } from './domain/catalog.js';
import type { BusinessCalendar } from './domain/serviceWindows.js';

/** The validated catalog and the business calendar of one deployment. */
export interface Business {
  catalog: Catalog;
  calendar: BusinessCalendar;
}

/**
 * Loads the service catalog and builds the business calendar from the configuration.
 *
 * @param regionOverride Holiday region to use instead of the configured one, e.g. from a command-line flag.
 * @throws Error when the catalog is invalid or the holiday region is unknown.
 */
export function loadBusiness(config: BusinessConfig, regionOverride?: string): Business {
  const catalog = loadCatalogFile(config.catalogPath);
  const holidays = createHolidayCalendar(regionOverride ?? config.holidayRegion, config.extraClosedDates);
  return { catalog, calendar: { zone: config.zone, holidays, halfDayEnd: catalog.halfDayEnd } };
}

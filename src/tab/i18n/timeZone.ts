import { createContext, useContext } from 'react';

/**
 * Provides the IANA time zone of the business calendar (DESK_TIME_ZONE) to every screen. The shell fills it
 * from GET /api/tab/me before it shows a screen.
 */
export const TimeZoneContext = createContext<string | undefined>(undefined);

/**
 * Returns the time zone in which the tab shows dates and times and reads the date and time inputs.
 *
 * @throws Error when called outside the shell, which provides the zone once GET /api/tab/me has returned it.
 */
export function useTimeZone(): string {
  const zone = useContext(TimeZoneContext);
  if (zone === undefined) throw new Error('useTimeZone() needs the TimeZoneContext provider of the signed-in shell');
  return zone;
}

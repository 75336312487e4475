import { IANAZone } from 'luxon';

/**
 * Windows time zone names that Microsoft Graph and Exchange send, mapped to IANA zones, taken from the
 * "001" (default territory) rows of CLDR's windowsZones.xml. The list covers Europe and the zones that
 * customers' and partners' calendars most likely use; an unlisted name fails with an error that names it.
 */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  UTC: 'Etc/UTC',
  'tzone://Microsoft/Utc': 'Etc/UTC',
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central Standard Time': 'America/Chicago',
  'Eastern Standard Time': 'America/New_York',
  'Atlantic Standard Time': 'America/Halifax',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Morocco Standard Time': 'Africa/Casablanca',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arab Standard Time': 'Asia/Riyadh',
  'Russian Standard Time': 'Europe/Moscow',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
};

/** Windows name of each IANA zone in {@link WINDOWS_TO_IANA}, for the zones that Graph requests name. */
const IANA_TO_WINDOWS: ReadonlyMap<string, string> = new Map(
  Object.entries(WINDOWS_TO_IANA)
    .filter(([windowsName]) => !windowsName.startsWith('tzone://'))
    .map(([windowsName, iana]) => [iana, windowsName]),
);

/**
 * Returns the IANA zone of a time zone name as Graph sends it: a Windows name such as
 * "W. Europe Standard Time", or an IANA name such as "Europe/Berlin".
 *
 * @throws Error naming the value when it is neither a listed Windows name nor a valid IANA zone.
 */
export function toIanaZone(name: string): string {
  const trimmed = name.trim();
  const mapped = WINDOWS_TO_IANA[trimmed];
  if (mapped !== undefined) {
    return mapped;
  }
  if (IANAZone.isValidZone(trimmed)) {
    return trimmed;
  }
  throw new Error(
    `Unknown time zone "${name}" in a calendar response: expected an IANA zone or one of the Windows zones ` +
      `${Object.keys(WINDOWS_TO_IANA).slice(0, 4).join(', ')}, ...; add it to WINDOWS_TO_IANA`,
  );
}

/**
 * Returns the Windows name of an IANA zone for Graph requests, e.g. "W. Europe Standard Time" for
 * "Europe/Berlin", or undefined when the zone is not in the table. Callers then send UTC instead.
 */
export function toWindowsZone(ianaZone: string): string | undefined {
  return IANA_TO_WINDOWS.get(ianaZone);
}

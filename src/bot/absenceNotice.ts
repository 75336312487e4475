import { DateTime } from 'luxon';
import type { ActiveAbsence } from '../domain/absence.js';
import type { Language } from '../domain/customer.js';
import { messagesFor } from '../i18n/index.js';
import type { BotDeps } from './deps.js';

/** Emergency line that customers call while the consultant is away and no substitute number is set. */
export interface EmergencyContact {
  /** Localized name of the emergency line, e.g. "24/7-Notfall-Hotline". */
  lineName: string;
  /** Phone number of the emergency line. */
  phone: string;
}

/**
 * Writes the notice a contact reads before the request form during an absence: when the consultant is
 * back, that the callback time starts only then, and who covers emergencies. A return at local midnight
 * is shown as the date alone ("ab Montag, 04.01.2027"), any other return with its time. The consultant's
 * note is never shown.
 *
 * @param zone - IANA zone in which the return is shown.
 */
export function writeAbsenceNotice(
  absence: ActiveAbsence,
  lang: Language,
  zone: string,
  emergency: EmergencyContact,
): string {
  const texts = messagesFor(lang).absence;
  const back = DateTime.fromISO(absence.backAt, { zone });
  const away = back.equals(back.startOf('day'))
    ? texts.awayUntilDay(absence.backAt, zone)
    : texts.awayUntilTime(absence.backAt, zone);

  const substitute = absence.substitute;
  let emergencies: string;
  if (substitute?.phone) {
    emergencies = texts.substitute(substitute.name, substitute.phone);
  } else if (substitute) {
    emergencies = texts.substituteViaLine(substitute.name, emergency.lineName, emergency.phone);
  } else {
    emergencies = texts.emergencyLine(emergency.lineName, emergency.phone);
  }

  return [away, texts.requestsDeferred, emergencies].join(' ');
}

/** Returns the absence notice for a contact at the bot clock's current instant, or undefined when no absence is in force. */
export async function currentAbsenceNotice(deps: BotDeps, lang: Language): Promise<string | undefined> {
  const absence = await deps.absences.activeAt(deps.clock.now());
  if (!absence) {
    return undefined;
  }
  return writeAbsenceNotice(absence, lang, deps.zone, {
    lineName: deps.catalog.emergencyLine.name[lang],
    phone: deps.emergencyPhone,
  });
}

import type { HoursOverview } from '../../api/hours.js';

/** Kinds of bar segments in the hours chart, each with its own colour and legend entry. */
export type HoursSegmentKind = 'rolledOver' | 'included' | 'usedFromLot' | 'usedOwn' | 'overageApproved' | 'overageUnapproved';

/** One segment of a bar, in minutes. */
export interface HoursSegment {
  kind: HoursSegmentKind;
  minutes: number;
}

/** The two bars of the hours chart and the length of the scale (0 for an empty month), all in minutes. */
export interface HoursBars {
  available: HoursSegment[];
  used: HoursSegment[];
  scaleMinutes: number;
}

/**
 * Splits a month's hours into the chart's bars. The available bar is the rolled-over lot, which is used
 * first, then the own included minutes. The used bar has the same order, then the approved and the
 * unapproved overage, so each used segment sits below the part of the available bar it draws from.
 */
export function hoursBars(hours: HoursOverview): HoursBars {
  const approvedOverage = hours.overageMinutes - hours.unapprovedOverageMinutes;
  const available: HoursSegment[] = [
    { kind: 'rolledOver', minutes: hours.rolloverInMinutes },
    { kind: 'included', minutes: hours.includedMinutes },
  ];
  const used: HoursSegment[] = [
    { kind: 'usedFromLot', minutes: hours.rolledLotUsedMinutes },
    { kind: 'usedOwn', minutes: hours.ownUsedMinutes },
    { kind: 'overageApproved', minutes: Math.max(0, approvedOverage) },
    { kind: 'overageUnapproved', minutes: hours.unapprovedOverageMinutes },
  ];
  const total = (segments: HoursSegment[]) => segments.reduce((sum, segment) => sum + segment.minutes, 0);
  return {
    available: available.filter((segment) => segment.minutes > 0),
    used: used.filter((segment) => segment.minutes > 0),
    scaleMinutes: Math.max(total(available), total(used)),
  };
}

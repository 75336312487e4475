/** Kinds of work a time entry records, in the order statements and cards list them. */
export const TIME_TYPES = ['support', 'project', 'emergency', 'on-site'] as const;

/** One kind of work a time entry records. */
export type TimeType = (typeof TIME_TYPES)[number];

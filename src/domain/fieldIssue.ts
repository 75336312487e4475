/**
 * Stable machine codes of invalid input fields. Clients such as the tab map each code to a German or English
 * text, so a code never changes its meaning, and a new meaning gets a new code. `invalid` is the code of a
 * problem that no more specific code describes.
 */
export const FIELD_ISSUE_CODES = [
  // The field is missing or empty.
  'required',
  // The value has the wrong JSON type, e.g. a string where a number is expected.
  'invalidType',
  // The text does not match the expected format: an instant with offset, a date, a phone number, a GUID.
  'invalidFormat',
  // The value is not one of the allowed values; `params.allowed` lists them, separated by ", ".
  'invalidValue',
  // A number that must be whole.
  'notWholeNumber',
  // A number below `params.minimum` or above `params.maximum`.
  'outOfRange',
  // A text or list shorter than `params.minimum`.
  'tooShort',
  // A text or list longer than `params.maximum`.
  'tooLong',
  // The value appears twice where it must be unique.
  'duplicate',
  // Another item already has the value, such as another customer's tenant id.
  'alreadyTaken',
  // A month before the customer's contract start month `params.contractStart` ("yyyy-MM").
  'beforeContractStart',
  // A call time after now.
  'callInFuture',
  // A call time more than `params.maxDays` days back.
  'callTooOld',
  // The contact does not belong to the customer.
  'unknownContact',
  // The customer's tenant is the consultant's own tenant.
  'consultantTenant',
  // An absence that overlaps the stored absence from `params.from` to `params.to` (local dates, `to` inclusive).
  'absenceOverlap',
  // A value that is not valid for another reason, explained by the English message.
  'invalid',
] as const;

/** A stable code of {@link FIELD_ISSUE_CODES}. */
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** Parameters that a client fills into the text of a code, such as the limit of `tooLong`. */
export type FieldIssueParams = Record<string, string | number>;

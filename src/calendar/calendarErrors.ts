/** Base class of the calendar layer's errors; `code` is the provider's error code when it sent one. */
export class CalendarError extends Error {
  override readonly name: string = 'CalendarError';

  /**
   * @param message - What failed, naming the mailbox, the event or the value involved.
   * @param options.statusCode - HTTP status of the provider's response, when there was one.
   * @param options.code - Provider error code, e.g. Graph's "ErrorItemNotFound".
   * @param options.cause - The underlying error.
   */
  constructor(
    message: string,
    readonly options: { statusCode?: number; code?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  /** HTTP status of the provider's response, when there was one. */
  get statusCode(): number | undefined {
    return this.options.statusCode;
  }

  /** Provider error code, when the provider sent one. */
  get code(): string | undefined {
    return this.options.code;
  }
}

/**
 * Thrown when the calendar cannot be reached, or keeps responding with 503, 504 or 429 after the client's own
 * retries. Callers keep the user's choice and ask them to try again later; the bot shows `calendar.unavailable`.
 */
export class CalendarUnavailableError extends CalendarError {
  override readonly name = 'CalendarUnavailableError';
}

/** Thrown when an event that must exist is not found, e.g. it was deleted in Outlook. */
export class CalendarEventNotFoundError extends CalendarError {
  override readonly name = 'CalendarEventNotFoundError';
}

/**
 * Thrown when the app cannot sign in or lacks the permission for the mailbox: a wrong tenant, client id or
 * secret, no managed identity, or no `Calendars.ReadWrite` application permission. Fixed by the operator.
 */
export class CalendarAccessError extends CalendarError {
  override readonly name = 'CalendarAccessError';
}

/** Thrown when the calendar rejects a request or returns a response this layer cannot read. */
export class CalendarRequestError extends CalendarError {
  override readonly name = 'CalendarRequestError';
}

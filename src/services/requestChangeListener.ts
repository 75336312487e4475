import type { HistoryDraft } from '../domain/history.js';
import type { StoredRequest } from '../storage/requests.js';

/** A stored change to a request, as the services report it. */
export interface RequestChangeEvent {
  stored: StoredRequest;
  /** History entry written with the change. */
  entry: HistoryDraft;
  /** Ids for log lines: customer id, request number and the caller's own ids. */
  logIds: Record<string, unknown>;
  /**
   * Teams activity id of a card copy that the caller updates itself, such as the card whose action made the
   * change and gets the new card as the invoke response. The listener leaves that copy alone.
   */
  exceptActivityId?: string;
}

/**
 * Receives every change to a request that was stored, so the bot can update each posted copy of the
 * request's cards and tell the requester. Implemented by the bot and wired in the composition root.
 * Implementations log their own failures and do not throw, because the change is stored already.
 */
export interface RequestChangeListener {
  requestChanged(event: RequestChangeEvent): Promise<void>;
}

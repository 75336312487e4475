import type { ApiClient } from './client.js';
import type {
  Page,
  QueueItem,
  RecordedCall,
  RequestDetail,
  RequestListChannel,
  RequestState,
  TimeType,
} from './types.js';

/** Filters of the queue. An undefined filter does not restrict the list. */
export interface QueueFilter {
  customerId?: string;
  state?: RequestState;
  channel?: RequestListChannel;
}

/** Identifies one request: numbers are unique per customer. */
export interface RequestKey {
  customerId: string;
  number: string;
}

function requestPath(key: RequestKey): string {
  return `/requests/${encodeURIComponent(key.customerId)}/${encodeURIComponent(key.number)}`;
}

/** Lists one page of open requests ordered by deadline. */
export function listQueue(api: ApiClient, filter: QueueFilter, cursor?: string, limit = 50): Promise<Page<QueueItem>> {
  return api.get<Page<QueueItem>>('/requests', { ...filter, cursor, limit });
}

/** Loads a request with history, time entries, approvals, bookings, notes and solution. */
export function loadRequest(api: ApiClient, key: RequestKey): Promise<RequestDetail> {
  return api.get<RequestDetail>(requestPath(key));
}

/** Takes a request over: the consultant acknowledges it. */
export function takeOver(api: ApiClient, key: RequestKey): Promise<unknown> {
  return api.post(`${requestPath(key)}/acknowledge`);
}

/** Records the first callback (or a later one) on a request. */
export function recordCallback(api: ApiClient, key: RequestKey): Promise<unknown> {
  return api.post(`${requestPath(key)}/callback`);
}

/** Moves a request to another state. `solution` is required for "resolved". */
export function changeState(api: ApiClient, key: RequestKey, state: RequestState, solution?: string): Promise<unknown> {
  return api.post(`${requestPath(key)}/state`, solution === undefined ? { state } : { state, solution });
}

/** Logs worked minutes on a request. */
export function logTime(api: ApiClient, key: RequestKey, minutes: number, type: TimeType, note: string): Promise<unknown> {
  return api.post(`${requestPath(key)}/time`, note === '' ? { minutes, type } : { minutes, type, note });
}

/** Identifies one time entry of a request: the local month of its start and its id. */
export interface TimeEntryRef {
  month: string;
  id: string;
}

/** Changes minutes, type and note of a request's time entry. An empty note removes the note. */
export function editTime(
  api: ApiClient,
  key: RequestKey,
  entry: TimeEntryRef,
  edit: { minutes: number; type: TimeType; note: string },
): Promise<RequestDetail> {
  return api.put<RequestDetail>(timeEntryPath(key, entry), edit);
}

/** Deletes a request's time entry. The server keeps its last version in the history. */
export function deleteTime(api: ApiClient, key: RequestKey, entry: TimeEntryRef): Promise<RequestDetail> {
  return api.delete<RequestDetail>(timeEntryPath(key, entry));
}

function timeEntryPath(key: RequestKey, entry: TimeEntryRef): string {
  return `${requestPath(key)}/time/${encodeURIComponent(entry.month)}/${encodeURIComponent(entry.id)}`;
}

/** Adds a note to a request. */
export function addNote(api: ApiClient, key: RequestKey, text: string): Promise<unknown> {
  return api.post(`${requestPath(key)}/notes`, { text });
}

/** Opens a request for a call that came by phone, WhatsApp or the emergency line. */
export function recordCall(api: ApiClient, call: RecordedCall): Promise<QueueItem> {
  return api.post<QueueItem>('/requests', call);
}

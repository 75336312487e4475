import { listAllPages } from './allPages.js';
import type { ApiClient } from './client.js';
import type { AbsenceItem, NewAbsence } from './types.js';

/** Lists every absence, ordered by start, reading all pages. */
export function listAbsences(api: ApiClient): Promise<AbsenceItem[]> {
  return listAllPages<AbsenceItem>(api, '/absences');
}

/** Stores an absence. */
export function addAbsence(api: ApiClient, absence: NewAbsence): Promise<AbsenceItem> {
  return api.post<AbsenceItem>('/absences', absence);
}

/** Removes an absence and returns it. */
export function removeAbsence(api: ApiClient, id: string): Promise<AbsenceItem> {
  return api.delete<AbsenceItem>(`/absences/${encodeURIComponent(id)}`);
}

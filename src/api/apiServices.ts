import type { Catalog } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { AbsenceService } from '../services/absenceService.js';
import type { KnowledgeBase } from '../services/knowledgeBase.js';
import type { SlaReportService } from '../services/slaReport.js';
import type { StatementService } from '../services/statementService.js';
import type { CallLogService } from '../services/callLog.js';
import type { CustomerService } from '../services/customerService.js';
import type { RequestActions } from '../services/requestActions.js';
import type { RequestDetailsService } from '../services/requestDetails.js';
import type { RequestQueue } from '../services/requestQueue.js';
import type { RequestService } from '../services/requestService.js';
import type { TimeService } from '../services/timeService.js';

/**
 * Services that route handlers call. `src/index.ts` builds one instance and the router hands it to every
 * handler. A route module that needs another service adds a field here and the wiring in `src/index.ts`.
 */
export interface ApiServices {
  clock: Clock;
  /** IANA time zone of the business calendar (DESK_TIME_ZONE), in which the tab shows dates and times. */
  timeZone: string;
  /** The service catalog loaded at start from the configured plans file. */
  catalog: Catalog;
  requests: RequestService;
  /** The queue of requests ordered by deadline. */
  queue: RequestQueue;
  requestDetails: RequestDetailsService;
  /** The consultant's actions on a request, which update the request's cards in Teams too. */
  requestActions: RequestActions;
  calls: CallLogService;
  customers: CustomerService;
  time: TimeService;
  absences: AbsenceService;
  /** Statements and hours, built with a service record so that statements contain SLA compliance and bonus calls. */
  statements: StatementService;
  slaReports: SlaReportService;
  knowledgeBase: KnowledgeBase;
}

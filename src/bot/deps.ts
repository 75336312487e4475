import type { LeadRepository } from '../storage/leads.js';
import type { SubstituteDirectory } from '../services/substitutes.js';
import type { ConversationReference } from 'botbuilder';
import type { Catalog } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import type { AbsenceService } from '../services/absenceService.js';
import type { BookingService } from '../services/bookingService.js';
import type { CallerDirectory } from '../services/callers.js';
import type { KnowledgeBase } from '../services/knowledgeBase.js';
import type { RequestService } from '../services/requestService.js';
import type { SubmissionRepository } from '../storage/submissions.js';
import type { Notifier } from './notifier.js';
import type { ApproverDirectory } from '../services/approvers.js';
import type { OverageApprovalService } from '../services/overageApprovalService.js';
import type { StatementService } from '../services/statementService.js';
import type { TimeService } from '../services/timeService.js';

/**
 * Returns the chat of the consultant's absence substitute at `now`, or undefined when no absence with a
 * substitute who has a Teams chat is active. Emergencies are sent there in addition to the consultant.
 */
export type SubstituteConversationLookup = (now: Date) => Promise<Partial<ConversationReference> | undefined>;

/** The lookup for deployments without substitutes: there is never one. */
export const noSubstitute: SubstituteConversationLookup = async () => undefined;

/** Everything the bot's handlers use; built once in the composition root. */
export interface BotDeps {
  catalog: Catalog;
  /** IANA zone in which cards show instants. */
  zone: string;
  hotlinePhone: string;
  emergencyPhone: string;
  clock: Clock;
  callers: CallerDirectory;
  requests: RequestService;
  /** The consultant's absences, announced to contacts before the request form. */
  absences: AbsenceService;
  /** Public knowledge-base articles, suggested to contacts before the request form. */
  knowledgeBase: Pick<KnowledgeBase, 'suggestForCustomer'>;
  /** Bookings of plan entitlements and callback appointments in the consultant's calendar. */
  bookings: BookingService;
  submissions: SubmissionRepository;
  notifier: Notifier;
  /** Unknown tenants seen, so the consultant gets one lead card per tenant and day. */
  leads: LeadRepository;
  /** Chats of absence substitutes, registered when they write to the bot. */
  substitutes: Pick<SubstituteDirectory, 'registerIfSubstitute'>;
  /** Lookup of the chat that receives emergencies in addition to the consultant's; {@link noSubstitute} by default. */
  substituteConversation: SubstituteConversationLookup;
  logger: Logger;
  /** Time entries logged from the consultant's card; its observer sends the hours warnings. */
  time: Pick<TimeService, 'addEntry'>;
  /** Month statements, the source of every number on the hours card. */
  statements: Pick<StatementService, 'statementFor'>;
  /** Overage requests, approval cards and decisions. */
  overage: Pick<OverageApprovalService, 'request' | 'decide' | 'current'>;
  /** Personal chats of contacts, stored so approval cards can reach approvers. */
  approvers: Pick<ApproverDirectory, 'rememberChat'>;
}

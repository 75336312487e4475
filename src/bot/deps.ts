import type { LeadRepository } from '../storage/leads.js';
import type { SubstituteDirectory } from '../services/substitutes.js';
import type { ConversationReference } from 'botbuilder';
import type { Catalog } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import type { AbsenceService } from '../services/absenceService.js';
import type { CallerDirectory } from '../services/callers.js';
import type { RequestService } from '../services/requestService.js';
import type { SubmissionRepository } from '../storage/submissions.js';
import type { Notifier } from './notifier.js';

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
  submissions: SubmissionRepository;
  notifier: Notifier;
  /** Unknown tenants seen, so the consultant gets one lead card per tenant and day. */
  leads: LeadRepository;
  /** Chats of absence substitutes, registered when they write to the bot. */
  substitutes: Pick<SubstituteDirectory, 'registerIfSubstitute'>;
  /** Lookup of the chat that receives emergencies in addition to the consultant's; {@link noSubstitute} by default. */
  substituteConversation: SubstituteConversationLookup;
  logger: Logger;
}

import type { ConversationReference } from 'botbuilder';
import type { ConversationRepository } from '../storage/conversations.js';
import { contactConversationKey } from '../storage/conversations.js';
import type { AbsenceService } from './absenceService.js';

/** Teams identity of a person. */
export interface TeamsIdentity {
  tenantId?: string;
  aadObjectId?: string;
}

/**
 * The chats of absence substitutes. A substitute's chat is stored when they write to the bot, and
 * emergencies during the absence are sent there as well as to the consultant.
 */
export class SubstituteDirectory {
  constructor(
    private readonly absences: AbsenceService,
    private readonly conversations: ConversationRepository,
  ) {}

  /**
   * Stores the chat of a person who is the substitute of a current or later absence.
   *
   * @returns whether the person is such a substitute.
   */
  async registerIfSubstitute(identity: TeamsIdentity, reference: Partial<ConversationReference>, now: Date): Promise<boolean> {
    if (!identity.tenantId || !identity.aadObjectId) return false;

    const absences = await this.absences.list();
    const covering = absences.some(
      (absence) =>
        Date.parse(absence.to) > now.getTime() &&
        absence.substitute?.aadObjectId === identity.aadObjectId &&
        absence.substitute?.tenantId === identity.tenantId,
    );
    if (!covering) return false;

    await this.conversations.save('substitute', contactConversationKey(identity.tenantId, identity.aadObjectId), reference);
    return true;
  }

  /** Returns the stored chat of the substitute of the absence active at `now`, if there is one. */
  async conversationAt(now: Date): Promise<Partial<ConversationReference> | undefined> {
    const substitute = (await this.absences.activeAt(now))?.substitute;
    if (!substitute?.aadObjectId || !substitute.tenantId) return undefined;
    return this.conversations.get('substitute', contactConversationKey(substitute.tenantId, substitute.aadObjectId));
  }
}

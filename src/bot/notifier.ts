import { MessageFactory, TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Language } from '../domain/customer.js';
import { resolveLanguage } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { ConversationRepository } from '../storage/conversations.js';
import type { CardCopy } from '../storage/requests.js';
import { toAttachment } from './cards/attachment.js';
import type { AdaptiveCard } from './cards/template.js';

/** Key under which the consultant's chat is stored. */
const CONSULTANT_KEY = 'primary';

/** Sends proactive cards and updates every stored copy of a card. */
export class Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
    private readonly consultantLanguage?: Language,
  ) {}

  /**
   * Stores the conversation of the current turn as the consultant's chat. Its locale is the configured
   * consultant language when set, so every later card to the consultant is in that language.
   *
   * @returns true when the chat was stored now. It returns false and stores nothing when the stored chat
   *   already has the same conversation, service URL, bot, user and locale.
   */
  async registerConsultantChat(context: TurnContext): Promise<boolean> {
    const reference = TurnContext.getConversationReference(context.activity);
    const locale = this.consultantLanguage ?? context.activity.locale;
    const stored = await this.conversations.get('consultant', CONSULTANT_KEY);
    if (stored !== undefined && isSameChat(stored, { ...reference, locale })) {
      return false;
    }
    await this.conversations.save('consultant', CONSULTANT_KEY, { ...reference, locale });
    return true;
  }

  /**
   * Sends a card to the consultant's chat.
   *
   * @returns where the card was posted, or undefined when the consultant's chat is not registered yet
   *   or the connector failed; both are logged and never stop the customer's action.
   */
  async sendToConsultant(render: (lang: Language) => AdaptiveCard, logIds: Record<string, unknown>): Promise<CardCopy | undefined> {
    const reference = await this.conversations.get('consultant', CONSULTANT_KEY);
    if (!reference) {
      this.logger.warn(logIds, 'consultant chat not registered; card not delivered');
      return undefined;
    }

    const card = render(resolveLanguage(undefined, reference.locale));
    try {
      const activityId = await this.send(reference, card);
      return { role: 'consultant', conversation: reference, activityId };
    } catch (error) {
      this.logger.error({ ...logIds, err: error }, 'sending the consultant card failed');
      return undefined;
    }
  }

  /**
   * Sends a card to a given conversation, such as the chat of the consultant's absence substitute.
   * The card is rendered in the language of the reference's `locale` (German when it has none).
   *
   * @returns the Teams activity id of the posted card, or undefined when the connector failed; the
   *   failure is logged with `logIds`.
   */
  async sendToConversation(
    reference: Partial<ConversationReference>,
    render: (lang: Language) => AdaptiveCard,
    logIds: Record<string, unknown>,
  ): Promise<string | undefined> {
    const card = render(resolveLanguage(undefined, reference.locale));
    try {
      return await this.send(reference, card);
    } catch (error) {
      this.logger.error({ ...logIds, err: error, conversationId: reference.conversation?.id }, 'sending a card failed');
      return undefined;
    }
  }

  /**
   * Replaces every stored copy of a card with a new rendering. A copy that cannot be updated
   * is logged and skipped, so one deleted chat does not block the others.
   */
  async updateCopies(
    copies: readonly CardCopy[],
    render: (copy: CardCopy) => AdaptiveCard,
    logIds: Record<string, unknown>,
  ): Promise<void> {
    for (const copy of copies) {
      try {
        await this.proactive(copy.conversation, async (context) => {
          await context.updateActivity({ ...MessageFactory.attachment(toAttachment(render(copy))), id: copy.activityId });
        });
      } catch (error) {
        this.logger.error({ ...logIds, err: error, activityId: copy.activityId, role: copy.role }, 'updating a card copy failed');
      }
    }
  }

  /**
   * Posts a text message to a given conversation, such as the chat of the contact who opened a request.
   * The text is written in the language of the reference's `locale` (German when it has none).
   *
   * @returns the Teams activity id of the message, or undefined when the connector failed. A failure is
   *   logged with `logIds` and does not stop the caller's action.
   */
  async sendTextTo(
    reference: Partial<ConversationReference>,
    write: (lang: Language) => string,
    logIds: Record<string, unknown>,
  ): Promise<string | undefined> {
    const text = write(resolveLanguage(undefined, reference.locale));
    try {
      let activityId = '';
      await this.proactive(reference, async (context) => {
        const response = await context.sendActivity(MessageFactory.text(text));
        activityId = response?.id ?? '';
      });
      return activityId;
    } catch (error) {
      this.logger.error({ ...logIds, err: error, conversationId: reference.conversation?.id }, 'sending a message failed');
      return undefined;
    }
  }

  private async send(reference: Partial<ConversationReference>, card: AdaptiveCard): Promise<string> {
    let activityId = '';
    await this.proactive(reference, async (context) => {
      const response = await context.sendActivity(MessageFactory.attachment(toAttachment(card)));
      activityId = response?.id ?? '';
    });
    if (!activityId) throw new Error('The Bot Connector accepted the card but returned no activity id');
    return activityId;
  }

  /**
   * Runs proactive logic in a conversation and rethrows its error. The adapter's onTurnError would
   * otherwise log and swallow a failed connector call, and a card that never arrived would count as sent.
   */
  private async proactive(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure;
  }
}

/** Returns whether two references address the same chat in the same locale. The turn's activity id is ignored. */
function isSameChat(stored: Partial<ConversationReference>, current: Partial<ConversationReference>): boolean {
  return (
    stored.conversation?.id === current.conversation?.id &&
    stored.serviceUrl === current.serviceUrl &&
    stored.channelId === current.channelId &&
    stored.bot?.id === current.bot?.id &&
    stored.user?.id === current.user?.id &&
    stored.locale === current.locale
  );
}

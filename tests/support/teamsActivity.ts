import { randomUUID } from 'node:crypto';

/** A Teams user as the activity's `from` carries it. */
export interface TeamsUser {
  /** Bot Framework user id ("29:..."). */
  id: string;
  name: string;
  aadObjectId: string;
  tenantId: string;
}

/** A personal (1:1) conversation between a user and the bot. */
export interface PersonalChat {
  user: TeamsUser;
  conversationId: string;
  locale?: string;
}

const bot = { id: '28:hotline-desk-bot', name: 'Hotline Desk' };

/** Creates a 1:1 chat for a user with a Teams-like conversation id ("a:1..."). */
export function personalChat(user: TeamsUser, locale = 'de-DE'): PersonalChat {
  return { user, conversationId: `a:1${randomUUID().replace(/-/g, '')}`, locale };
}

function envelope(chat: PersonalChat, serviceUrl: string) {
  const now = new Date();
  return {
    id: `f:${randomUUID()}`,
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: chat.user.id, name: chat.user.name, aadObjectId: chat.user.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: chat.user.tenantId, id: chat.conversationId },
    recipient: bot,
    locale: chat.locale,
    entities: [{ type: 'clientInfo', locale: chat.locale, country: 'DE', platform: 'Web', timezone: 'Europe/Berlin' }],
    channelData: { tenant: { id: chat.user.tenantId } },
  };
}

/** Builds a text message from the user, as Teams posts it to the bot. */
export function messageActivity(chat: PersonalChat, serviceUrl: string, text: string) {
  return { ...envelope(chat, serviceUrl), type: 'message', textFormat: 'plain', text };
}

/** Builds the `conversationUpdate` Teams sends when the user installs the app in personal scope. */
export function installActivity(chat: PersonalChat, serviceUrl: string) {
  return {
    ...envelope(chat, serviceUrl),
    type: 'conversationUpdate',
    membersAdded: [{ id: bot.id }],
    channelData: { tenant: { id: chat.user.tenantId }, eventType: 'teamMemberAdded' },
  };
}

/** Builds the `adaptiveCard/action` invoke of an Action.Execute, with the card's inputs merged into `data`. */
export function actionExecuteActivity(
  chat: PersonalChat,
  serviceUrl: string,
  cardActivityId: string,
  verb: string,
  data: Record<string, unknown>,
) {
  return {
    ...envelope(chat, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardActivityId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

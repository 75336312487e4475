import type { Activity } from 'botbuilder';
import type { Language } from '../domain/customer.js';
import { resolveLanguage } from '../i18n/index.js';
import type { Caller, CallerIdentity } from '../services/callers.js';

/** Reads who sent an activity: tenant, Entra object id, display name and conversation. */
export function callerIdentityOf(activity: Activity): CallerIdentity {
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    tenantId: activity.conversation?.tenantId ?? channelTenant,
    aadObjectId: activity.from?.aadObjectId,
    name: activity.from?.name,
    conversationId: activity.conversation?.id ?? '',
  };
}

/** Language of a reply: the contact's stored preference, else the Teams locale of the activity. */
export function languageOf(caller: Caller, activity: Activity): Language {
  const stored =
    caller.kind === 'contact' || caller.kind === 'channelNotIncluded'
      ? caller.contact.language
      : caller.kind === 'consultant'
        ? caller.language
        : undefined;
  return resolveLanguage(stored, activity.locale);
}

/** Ids worth logging for an activity; never the message text. */
export function logIdsOf(activity: Activity): Record<string, unknown> {
  return {
    activityId: activity.id,
    conversationId: activity.conversation?.id,
    tenantId: activity.conversation?.tenantId,
    aadObjectId: activity.from?.aadObjectId,
  };
}

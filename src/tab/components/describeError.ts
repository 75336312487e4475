import { ApiError } from '../api/apiError.js';
import type { ApiErrorBody } from '../api/types.js';
import type { TabMessages } from '../i18n/index.js';

type FieldIssue = NonNullable<ApiErrorBody['issues']>[number];

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Returns the text the tab shows for a failed API call. Field issues are shown in the tab's language by
 * their code. Neither the server's English messages nor exception text is ever shown.
 */
export function describeError(error: unknown, messages: TabMessages): string {
  if (!(error instanceof ApiError)) return messages.errors.server;
  if (error.status === 0) return messages.errors.network;
  if (error.status === 400 || error.status === 422) {
    const issues = error.body?.issues ?? [];
    const details = issues.length > 0 ? issues.map((issue) => describeFieldIssue(issue, messages)).join(' ') : messages.fieldIssues.noDetails;
    return messages.errors.invalidInput(details);
  }
  if (error.status === 404) return messages.errors.notFound;
  if (error.status === 409) return messages.errors.conflict;
  return messages.errors.server;
}

/**
 * Returns the text of one field issue: the text of its code with the field's label, or a general text for
 * a code that this version of the tab does not know.
 */
export function describeFieldIssue(issue: FieldIssue, messages: TabMessages): string {
  const texts = messages.fieldIssues;
  const path = issue.field.replace(/^(body|query|params)\./, '');
  const label = texts.fields[path] ?? path;

  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    params[name] = formatParam(value, messages);
  }

  const codes: Record<string, (field: string, params: Record<string, string>) => string> = texts.byCode;
  const text = Object.hasOwn(codes, issue.code) ? codes[issue.code] : undefined;
  return text ? text(label, params) : texts.unknownCode(label);
}

/** Formats a local date "yyyy-MM-dd" for the language and returns other values unchanged. */
function formatParam(value: string | number, messages: TabMessages): string {
  const date = typeof value === 'string' ? LOCAL_DATE_PATTERN.exec(value) : null;
  if (date) return messages.fieldIssues.date(date[1] ?? '', date[2] ?? '', date[3] ?? '');
  return String(value);
}

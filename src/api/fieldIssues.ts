import type { ZodError, ZodIssue } from 'zod';
import { FIELD_ISSUE_CODES, type FieldIssueCode, type FieldIssueParams } from '../domain/fieldIssue.js';
import type { FieldProblem } from '../services/timeService.js';
import type { ApiFieldIssue } from './apiFailure.js';

/**
 * Turns the issues of a failed schema check into the API's field issues. `location` is the part of the
 * request that failed (`body`, `query`, `params`) and becomes the first segment of each field path.
 */
export function fieldIssuesOfZodError(error: ZodError, location: string): ApiFieldIssue[] {
  return error.issues.map((issue) => {
    const { code, params } = issueCodeOf(issue);
    const fieldIssue: ApiFieldIssue = { field: [location, ...issue.path].join('.'), code, message: issue.message };
    if (params) fieldIssue.params = params;
    return fieldIssue;
  });
}

/** Turns a problem that a service found in a body field into the API's field issue. */
export function fieldIssueOfProblem(problem: Pick<FieldProblem, 'field' | 'reason' | 'code' | 'params'>): ApiFieldIssue {
  return bodyFieldIssue(problem.field, problem.code ?? 'invalid', problem.reason, problem.params);
}

/** Builds the field issue of a body field. `field` is the path inside the body, such as `substitute.phone`. */
export function bodyFieldIssue(field: string, code: FieldIssueCode, message: string, params?: FieldIssueParams): ApiFieldIssue {
  return params ? { field: `body.${field}`, code, params, message } : { field: `body.${field}`, code, message };
}

/**
 * Maps a zod issue to a field issue code with the values of its text. A custom refinement chooses its code
 * with `params: { code }`, and without one it gets `invalid`.
 */
function issueCodeOf(issue: ZodIssue): { code: FieldIssueCode; params?: FieldIssueParams } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { code: 'required' };
      if (issue.expected === 'integer') return { code: 'notWholeNumber' };
      return { code: 'invalidType' };
    case 'not_finite':
      return { code: 'invalidType' };
    case 'invalid_string':
    case 'invalid_date':
      return { code: 'invalidFormat' };
    case 'invalid_enum_value':
      return { code: 'invalidValue', params: { allowed: issue.options.join(', ') } };
    case 'invalid_union_discriminator':
      return { code: 'invalidValue', params: { allowed: issue.options.map(String).join(', ') } };
    case 'invalid_literal':
      return { code: 'invalidValue', params: { allowed: String(issue.expected) } };
    case 'too_small':
      return tooSmallCode(issue.type, issue.minimum, issue.inclusive);
    case 'too_big':
      return tooBigCode(issue.type, issue.maximum, issue.inclusive);
    case 'custom':
      return { code: customCodeOf(issue.params) };
    default:
      return { code: 'invalid' };
  }
}

function tooSmallCode(type: string, minimum: number | bigint, inclusive: boolean): { code: FieldIssueCode; params?: FieldIssueParams } {
  const limit = limitValue(type, minimum);
  if (type === 'string' || type === 'array' || type === 'set') {
    // An empty text or list where at least one character or item is needed counts as missing.
    if (Number(minimum) <= 1 && inclusive) return { code: 'required' };
    return { code: 'tooShort', params: { minimum: limit } };
  }
  return { code: 'outOfRange', params: inclusive ? { minimum: limit } : { greaterThan: limit } };
}

function tooBigCode(type: string, maximum: number | bigint, inclusive: boolean): { code: FieldIssueCode; params?: FieldIssueParams } {
  const limit = limitValue(type, maximum);
  if (type === 'string' || type === 'array' || type === 'set') return { code: 'tooLong', params: { maximum: limit } };
  return { code: 'outOfRange', params: inclusive ? { maximum: limit } : { lessThan: limit } };
}

/** Returns a limit as a number, or as an ISO 8601 instant for a date, whose zod limit is in epoch milliseconds. */
function limitValue(type: string, limit: number | bigint): string | number {
  return type === 'date' ? new Date(Number(limit)).toISOString() : Number(limit);
}

function customCodeOf(params: Record<string, unknown> | undefined): FieldIssueCode {
  const code = params?.['code'];
  return (FIELD_ISSUE_CODES as readonly unknown[]).includes(code) ? (code as FieldIssueCode) : 'invalid';
}

import { InvalidAbsenceError } from '../domain/absence.js';
import { InvalidNoteError, InvalidSolutionError, MAX_HISTORY_NOTE_LENGTH, MAX_SOLUTION_LENGTH } from '../domain/history.js';
import { ForbiddenTransitionError } from '../domain/lifecycle.js';
import { CustomerNotFoundError, DuplicateCustomerIdError, DuplicateTenantError } from '../services/customerService.js';
import { RequestNotFoundError } from '../services/requestService.js';
import { InvalidInputError } from '../services/timeService.js';
import { ConflictError, EntityNotFoundError, OptimisticConcurrencyError, StorageUnavailableError } from '../storage/errors.js';
import { ApiFailure } from './apiFailure.js';
import { bodyFieldIssue, fieldIssueOfProblem } from './fieldIssues.js';

/**
 * Turns an error a service threw into the API's error response, or returns undefined for an unexpected
 * error, which the router responds to with 500. The messages are fixed texts: exception text never reaches the client,
 * except the field names and reasons of {@link InvalidInputError} and the field and message of
 * {@link InvalidAbsenceError}, which the services and the domain write for people.
 */
export function failureForServiceError(error: unknown): ApiFailure | undefined {
  if (error instanceof ApiFailure) return error;

  // 404: the addressed item does not exist.
  if (error instanceof RequestNotFoundError) {
    return new ApiFailure('requestNotFound', 'No request with this customer id and number exists');
  }
  if (error instanceof CustomerNotFoundError) return new ApiFailure('customerNotFound', 'No customer with this id exists');
  if (error instanceof EntityNotFoundError) return new ApiFailure('notFound', 'The addressed item does not exist');

  // 409: the item's current state or another item is in the way.
  if (error instanceof DuplicateTenantError) {
    return new ApiFailure('duplicateTenant', 'Another customer already has this tenant id', [
      bodyFieldIssue('tenantId', 'alreadyTaken', 'Already assigned to another customer'),
    ]);
  }
  if (error instanceof DuplicateCustomerIdError) {
    return new ApiFailure('duplicateCustomerId', 'Another customer already has this id', [
      bodyFieldIssue('id', 'alreadyTaken', 'Already taken'),
    ]);
  }
  if (error instanceof ForbiddenTransitionError) {
    return new ApiFailure('transitionNotAllowed', 'The request cannot move from its current state to the requested one');
  }
  if (error instanceof ConflictError) return new ApiFailure('conflict', 'The item conflicts with an existing one');
  if (error instanceof OptimisticConcurrencyError) {
    return new ApiFailure('concurrentChange', 'Others changed the item at the same time; try again');
  }

  // 422: well-formed input that a business rule rejects.
  if (error instanceof InvalidSolutionError) {
    return new ApiFailure('invalidSolution', 'A resolved request needs a solution text of acceptable length', [
      error.reason === 'missing'
        ? bodyFieldIssue('solution', 'required', 'Required')
        : bodyFieldIssue('solution', 'tooLong', 'Too long', { maximum: MAX_SOLUTION_LENGTH }),
    ]);
  }
  if (error instanceof InvalidNoteError) {
    return new ApiFailure('invalidNote', 'A note needs text of acceptable length', [
      error.length === 0
        ? bodyFieldIssue('text', 'required', 'Required')
        : bodyFieldIssue('text', 'tooLong', 'Too long', { maximum: MAX_HISTORY_NOTE_LENGTH }),
    ]);
  }
  if (error instanceof InvalidAbsenceError) {
    return new ApiFailure('invalidAbsence', 'The absence is invalid', [bodyFieldIssue(error.field, error.code, error.message, error.params)]);
  }
  if (error instanceof InvalidInputError) {
    const issues = error.problems.map(fieldIssueOfProblem);
    return new ApiFailure('unprocessable', 'The input is invalid', issues);
  }

  if (error instanceof StorageUnavailableError) {
    return new ApiFailure('storageUnavailable', 'The storage is unavailable; try again later');
  }
  return undefined;
}

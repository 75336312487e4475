import type { RequestState } from './request.js';

/** States a request may move to from each state. */
const allowedTransitions: Record<RequestState, readonly RequestState[]> = {
  new: ['acknowledged', 'callbackDone', 'inProgress', 'resolved'],
  acknowledged: ['callbackDone', 'inProgress', 'waitingForCustomer', 'resolved'],
  callbackDone: ['inProgress', 'waitingForCustomer', 'resolved'],
  inProgress: ['waitingForCustomer', 'resolved'],
  waitingForCustomer: ['inProgress', 'resolved'],
  resolved: ['closed', 'inProgress'],
  closed: [],
};

/** Raised when a request is asked to move between two states that the lifecycle does not connect. */
export class ForbiddenTransitionError extends Error {
  constructor(
    readonly requestNumber: string,
    readonly from: RequestState,
    readonly to: RequestState,
  ) {
    super(`Request ${requestNumber} cannot move from "${from}" to "${to}"`);
    this.name = 'ForbiddenTransitionError';
  }
}

/** Returns whether the lifecycle allows moving from one state to another. */
export function canTransition(from: RequestState, to: RequestState): boolean {
  return allowedTransitions[from].includes(to);
}

/**
 * Checks a transition.
 *
 * @throws ForbiddenTransitionError naming the request and both states.
 */
export function assertTransition(requestNumber: string, from: RequestState, to: RequestState): void {
  if (!canTransition(from, to)) throw new ForbiddenTransitionError(requestNumber, from, to);
}

/** Returns the states the lifecycle allows moving to from `from`, in lifecycle order. */
export function nextStates(from: RequestState): readonly RequestState[] {
  return allowedTransitions[from];
}

/** Returns whether a request in this state is still open, that is neither resolved nor closed. */
export function isOpenState(state: RequestState): boolean {
  return state !== 'resolved' && state !== 'closed';
}

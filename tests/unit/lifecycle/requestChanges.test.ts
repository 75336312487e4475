import assert from 'node:assert/strict';

import {
  acknowledgeRequest,
  changeRequestState,
  InvalidSolutionError,
  MAX_SOLUTION_LENGTH,
  recordFirstCallback,
} from '../../../src/domain/history.js';
import { ForbiddenTransitionError, isOpenState, nextStates } from '../../../src/domain/lifecycle.js';
import type { RequestState } from '../../../src/domain/request.js';
import { sampleRequest } from '../cards/cardQueries.js';

const AT = '2026-12-07T10:40:00+01:00';
const CONSULTANT = { at: AT, actor: 'Sebastian Krüger' };

describe('request changes with history', () => {
  it('take-over of a new request', () => {
    const result = acknowledgeRequest(sampleRequest(), CONSULTANT);

    assert.equal(result?.request.state, 'acknowledged');
    assert.equal(result?.request.acknowledgedAt, AT);
    assert.equal(result?.request.acknowledgedBy, 'Sebastian Krüger');
    assert.deepEqual(result?.entry, { action: 'acknowledge', at: AT, actor: 'Sebastian Krüger', from: 'new', to: 'acknowledged' });
  });

  it('second take-over is a no-op', () => {
    const acknowledged = sampleRequest({ state: 'acknowledged', acknowledgedAt: '2026-12-07T10:05:00+01:00', acknowledgedBy: 'A' });
    assert.equal(acknowledgeRequest(acknowledged, CONSULTANT), undefined);
  });

  it('take-over in progress keeps the state', () => {
    const result = acknowledgeRequest(sampleRequest({ state: 'inProgress' }), CONSULTANT);

    assert.equal(result?.request.state, 'inProgress');
    assert.equal(result?.entry.from, 'inProgress');
    assert.equal(result?.entry.to, 'inProgress');
  });

  it('take-over of a closed request is forbidden', () => {
    assert.throws(() => acknowledgeRequest(sampleRequest({ state: 'closed' }), CONSULTANT), ForbiddenTransitionError);
  });

  it('callback before the deadline meets the SLA', () => {
    const result = recordFirstCallback(sampleRequest(), CONSULTANT);

    assert.equal(result?.request.state, 'callbackDone');
    assert.equal(result?.request.firstContactAt, AT);
    assert.equal(result?.request.slaMet, true);
    assert.equal(result?.request.acknowledgedAt, AT);
    assert.deepEqual(result?.entry, { action: 'callback', at: AT, actor: 'Sebastian Krüger', from: 'new', to: 'callbackDone' });
  });

  it('callback after the deadline misses the SLA', () => {
    const result = recordFirstCallback(sampleRequest(), { ...CONSULTANT, at: '2026-12-07T11:00:01+01:00' });
    assert.equal(result?.request.slaMet, false);
  });

  it('second callback keeps the first instant', () => {
    const called = sampleRequest({ state: 'callbackDone', firstContactAt: '2026-12-07T10:20:00+01:00', slaMet: true });
    assert.equal(recordFirstCallback(called, CONSULTANT), undefined);
  });

  it('same state again is a no-op', () => {
    assert.equal(changeRequestState(sampleRequest({ state: 'inProgress' }), 'inProgress', CONSULTANT), undefined);
    const resolved = sampleRequest({ state: 'resolved', solution: 'Neu gestartet', resolvedAt: AT });
    assert.equal(changeRequestState(resolved, 'resolved', CONSULTANT, 'Neu gestartet'), undefined);
  });

  it('waiting for the customer records the note', () => {
    const result = changeRequestState(sampleRequest({ state: 'inProgress' }), 'waitingForCustomer', CONSULTANT, '  Logdatei angefragt ');

    assert.equal(result?.request.state, 'waitingForCustomer');
    assert.deepEqual(result?.entry, {
      action: 'stateChange',
      at: AT,
      actor: 'Sebastian Krüger',
      from: 'inProgress',
      to: 'waitingForCustomer',
      note: 'Logdatei angefragt',
    });
  });

  it('resolve stores the solution and instant', () => {
    const result = changeRequestState(sampleRequest({ state: 'inProgress' }), 'resolved', CONSULTANT, 'Outlook-Profil neu angelegt.');

    assert.equal(result?.request.state, 'resolved');
    assert.equal(result?.request.solution, 'Outlook-Profil neu angelegt.');
    assert.equal(result?.request.resolvedAt, AT);
    assert.equal(result?.entry.note, 'Outlook-Profil neu angelegt.');
  });

  it('resolve without a solution is rejected', () => {
    for (const note of [undefined, '', '   ']) {
      assert.throws(
        () => changeRequestState(sampleRequest({ state: 'inProgress' }), 'resolved', CONSULTANT, note),
        (error: unknown) =>
          error instanceof InvalidSolutionError &&
          error.reason === 'missing' &&
          error.message === 'Request HD-2026-0001 cannot be resolved without a solution text',
      );
    }
  });

  it('resolve with a too long solution is rejected', () => {
    const note = 'x'.repeat(MAX_SOLUTION_LENGTH + 1);
    assert.throws(
      () => changeRequestState(sampleRequest({ state: 'inProgress' }), 'resolved', CONSULTANT, note),
      (error: unknown) => error instanceof InvalidSolutionError && error.reason === 'tooLong' && error.length === 2001,
    );
  });

  it('reopen removes the solution', () => {
    const resolved = sampleRequest({ state: 'resolved', solution: 'Neu gestartet', resolvedAt: AT });
    const result = changeRequestState(resolved, 'inProgress', CONSULTANT);

    assert.equal(result?.request.state, 'inProgress');
    assert.equal('solution' in (result?.request ?? {}), false);
    assert.equal('resolvedAt' in (result?.request ?? {}), false);
    assert.equal(result?.entry.from, 'resolved');
  });

  it('close keeps the solution', () => {
    const resolved = sampleRequest({ state: 'resolved', solution: 'Neu gestartet', resolvedAt: AT });
    const result = changeRequestState(resolved, 'closed', CONSULTANT);

    assert.equal(result?.request.state, 'closed');
    assert.equal(result?.request.solution, 'Neu gestartet');
  });

  it('closed to in progress is forbidden', () => {
    assert.throws(
      () => changeRequestState(sampleRequest({ state: 'closed' }), 'inProgress', CONSULTANT),
      (error: unknown) =>
        error instanceof ForbiddenTransitionError &&
        error.from === 'closed' &&
        error.to === 'inProgress' &&
        error.message === 'Request HD-2026-0001 cannot move from "closed" to "inProgress"',
    );
  });

  it('new to waiting is forbidden', () => {
    assert.throws(() => changeRequestState(sampleRequest(), 'waitingForCustomer', CONSULTANT), ForbiddenTransitionError);
  });

  it('state callbackDone goes through the callback rule', () => {
    const result = changeRequestState(sampleRequest({ state: 'acknowledged' }), 'callbackDone', CONSULTANT);
    assert.equal(result?.entry.action, 'callback');
    assert.equal(result?.request.firstContactAt, AT);
  });

  it('does not mutate its input', () => {
    const request = sampleRequest({ state: 'resolved', solution: 'Neu gestartet', resolvedAt: AT });
    const copy = structuredClone(request);
    changeRequestState(request, 'inProgress', CONSULTANT);
    assert.deepEqual(request, copy);
  });
});

describe('lifecycle queries', () => {
  it('next states follow the table', () => {
    const expected: Record<RequestState, RequestState[]> = {
      new: ['acknowledged', 'callbackDone', 'inProgress', 'resolved'],
      acknowledged: ['callbackDone', 'inProgress', 'waitingForCustomer', 'resolved'],
      callbackDone: ['inProgress', 'waitingForCustomer', 'resolved'],
      inProgress: ['waitingForCustomer', 'resolved'],
      waitingForCustomer: ['inProgress', 'resolved'],
      resolved: ['closed', 'inProgress'],
      closed: [],
    };
    for (const [from, states] of Object.entries(expected)) {
      assert.deepEqual(nextStates(from as RequestState), states, from);
    }
  });

  it('open states exclude resolved and closed', () => {
    assert.equal(isOpenState('waitingForCustomer'), true);
    assert.equal(isOpenState('resolved'), false);
    assert.equal(isOpenState('closed'), false);
  });
});

import assert from 'node:assert/strict';
import { assertTransition, canTransition, ForbiddenTransitionError } from '../../../src/domain/lifecycle.js';

describe('request lifecycle', () => {
  it('allows taking over a new request', () => {
    assert.equal(canTransition('new', 'acknowledged'), true);
  });

  it('allows a callback without a prior take-over', () => {
    assert.equal(canTransition('new', 'callbackDone'), true);
  });

  it('allows reopening a resolved request', () => {
    assert.equal(canTransition('resolved', 'inProgress'), true);
  });

  it('forbids leaving a closed request', () => {
    assert.throws(
      () => assertTransition('HD-2026-0007', 'closed', 'inProgress'),
      (error: unknown) =>
        error instanceof ForbiddenTransitionError &&
        error.message === 'Request HD-2026-0007 cannot move from "closed" to "inProgress"',
    );
  });

  it('forbids going back to new', () => {
    assert.equal(canTransition('acknowledged', 'new'), false);
  });
});

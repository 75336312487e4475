import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.js';

/** The two consultant variables that every environment needs, with valid GUIDs. */
export const consultant = {
  CONSULTANT_TENANT_ID: '1d0c9b8a-7f6e-4d5c-9b4a-3f2e1d0c9b00',
  CONSULTANT_AAD_OBJECT_ID: '5f7b9d13-6a8c-4ea4-9fc0-3b4c5d6e7f51',
};

/** Returns the message of the error loadConfig throws for an environment, and fails when it accepts the environment. */
export function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('loadConfig accepted an invalid environment');
}

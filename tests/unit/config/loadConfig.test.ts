import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.js';
import { consultant, problemsOf } from './configEnvironment.js';

describe('loadConfig', () => {
  it('applies the local defaults', () => {
    const config = loadConfig(consultant);

    assert.equal(config.port, 3978);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.business.zone, 'Europe/Berlin');
    assert.equal(config.business.holidayRegion, 'DE-NW');
    assert.equal(config.consultant.language, undefined);
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ ...consultant, PORT: '', BOT_TYPE: '' }).port, 3978);
  });

  it('lists every problem in one error', () => {
    const message = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      DESK_TIME_ZONE: 'Mars/Olympus',
      CONSULTANT_TENANT_ID: 'not-a-guid',
      DEV_CONSULTANT_CONVERSATION_ID: 'hotline-desk-consultant',
    });

    assert.match(message, /PORT:/);
    assert.match(message, /DESK_TIME_ZONE: not an IANA time zone/);
    assert.match(message, /CONSULTANT_TENANT_ID: expected the Entra tenant id/);
    assert.match(message, /CONSULTANT_AAD_OBJECT_ID: Required/);
    assert.match(message, /DEV_CONSULTANT_CONVERSATION_ID: is a local development setting/);
    assert.match(message, /BOT_ID: is required when NODE_ENV=production/);
  });

  it('bot id without its secret is rejected', () => {
    assert.match(problemsOf({ ...consultant, BOT_ID: '00000000-0000-4000-8000-000000000001' }), /SECRET_BOT_PASSWORD: is required/);
  });

  it('bot id with a managed identity needs no secret', () => {
    const config = loadConfig({ ...consultant, BOT_ID: '00000000-0000-4000-8000-000000000001', BOT_TYPE: 'UserAssignedMSI' });

    assert.equal(config.bot.appType, 'UserAssignedMSI');
  });

  it('invalid host is rejected', () => {
    assert.match(problemsOf({ ...consultant, HOST: 'everywhere' }), /HOST: expected an IP address/);
  });
});

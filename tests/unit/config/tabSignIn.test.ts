import assert from 'node:assert/strict';
import { ENTRA_JWKS_URL, loadConfig } from '../../../src/config.js';
import { consultant, problemsOf } from './configEnvironment.js';

/** A production environment that loads without errors. */
const production = {
  ...consultant,
  NODE_ENV: 'production',
  BOT_ID: '3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d',
  SECRET_BOT_PASSWORD: 'secret',
  TAB_SSO_CLIENT_ID: '3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d',
};

describe('loadConfig tab sign-in', () => {
  it('defaults to Entra keys and no development sign-in', () => {
    const config = loadConfig(consultant);

    assert.deepEqual(config.tab, { ssoClientId: undefined, appIdUri: undefined, jwksUrl: ENTRA_JWKS_URL, devSignIn: false });
  });

  it('reads the SSO app and the development sign-in', () => {
    const config = loadConfig({
      ...consultant,
      TAB_SSO_CLIENT_ID: '3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d',
      TAB_SSO_APP_ID_URI: 'api://desk.example.com/botid-3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d',
      TAB_JWKS_URL: 'http://127.0.0.1:4010/keys',
      TAB_DEV_SIGN_IN: 'true',
    });

    assert.equal(config.tab.ssoClientId, '3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d');
    assert.equal(config.tab.appIdUri, 'api://desk.example.com/botid-3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d');
    assert.equal(config.tab.jwksUrl, 'http://127.0.0.1:4010/keys');
    assert.equal(config.tab.devSignIn, true);
  });

  it('production starts without development sign-in', () => {
    assert.equal(loadConfig(production).tab.devSignIn, false);
    assert.equal(loadConfig({ ...production, TAB_DEV_SIGN_IN: 'false' }).tab.devSignIn, false);
  });

  it('production refuses the development sign-in', () => {
    const message = problemsOf({ ...production, TAB_DEV_SIGN_IN: 'true' });

    assert.match(message, /TAB_DEV_SIGN_IN: is a local development setting and must be false or empty when NODE_ENV=production/);
  });

  it('production requires the SSO client id', () => {
    const { TAB_SSO_CLIENT_ID: _clientId, ...withoutClientId } = production;

    assert.match(problemsOf(withoutClientId), /TAB_SSO_CLIENT_ID: is required when NODE_ENV=production/);
  });

  it('rejects invalid sign-in settings', () => {
    const message = problemsOf({
      ...consultant,
      TAB_SSO_CLIENT_ID: 'desk-app',
      TAB_JWKS_URL: 'keys.json',
      TAB_DEV_SIGN_IN: 'yes',
    });

    assert.match(message, /TAB_SSO_CLIENT_ID: expected the client id \(a GUID\)/);
    assert.match(message, /TAB_JWKS_URL: expected the https URL/);
    assert.match(message, /TAB_DEV_SIGN_IN: expected true or false/);
  });

  it('rejects an Application ID URI of another app', () => {
    const message = problemsOf({
      ...consultant,
      TAB_SSO_CLIENT_ID: '3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d',
      TAB_SSO_APP_ID_URI: 'api://desk.example.com/botid-00000000-0000-4000-8000-000000000000',
    });

    assert.match(message, /TAB_SSO_APP_ID_URI: "api:\/\/desk\.example\.com\/botid-00000000-0000-4000-8000-000000000000" must end with/);
  });

  it('rejects an Application ID URI without client id', () => {
    const message = problemsOf({ ...consultant, TAB_SSO_APP_ID_URI: 'api://desk.example.com/botid-3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d' });

    assert.match(message, /TAB_SSO_APP_ID_URI: needs TAB_SSO_CLIENT_ID/);
  });
});

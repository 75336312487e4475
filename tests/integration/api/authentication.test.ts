import assert from 'node:assert/strict';
import { consultant, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { APP_ID_URI, CLIENT_ID, EntraStandIn, callApi, issuerV1, issuerV2 } from './tokenFixture.js';

/** Monday 2026-12-07, 09:00 in Berlin. */
const NOW = '2026-12-07T09:00:00+01:00';
const OTHER_TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const OTHER_USER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('tab API authentication with Teams SSO tokens', () => {
  const entra = new EntraStandIn();
  let harness: DeskHarness;

  before(async () => {
    await entra.start();
    harness = await startDeskHarness(NOW, {
      TAB_SSO_CLIENT_ID: CLIENT_ID,
      TAB_SSO_APP_ID_URI: APP_ID_URI,
      TAB_JWKS_URL: entra.jwksUrl,
    });
  });

  after(async () => {
    await harness.stop();
    await entra.stop();
  });

  beforeEach(() => harness.clock.set(NOW));

  const me = (token?: string) => callApi(harness.desk.url, 'GET', '/me', { token });
  const sign = (claims: Record<string, unknown> = {}, extra: { foreignKey?: boolean; issuedAt?: Date } = {}) =>
    entra.sign({ claims, issuedAt: extra.issuedAt ?? new Date(NOW), foreignKey: extra.foreignKey });

  it('v2 token of the consultant is admitted', async () => {
    const { status, body } = await me(await sign());

    assert.equal(status, 200);
    assert.deepEqual(body, { name: consultant.name, tenantId: consultant.tenantId, language: 'de', timeZone: 'Europe/Berlin' });
    assert.ok(entra.fetches >= 1, 'the JWKS was never fetched');
  });

  it('v1 token with the Application ID URI is admitted', async () => {
    const token = await sign({ iss: issuerV1(consultant.tenantId), aud: APP_ID_URI, ver: '1.0' });

    const { status } = await me(token);

    assert.equal(status, 200);
  });

  it('v2 issuer with the Application ID URI is admitted', async () => {
    const { status } = await me(await sign({ aud: APP_ID_URI }));

    assert.equal(status, 200);
  });

  it('missing token is 401 tokenMissing', async () => {
    const { status, body } = await me();

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenMissing');
  });

  it('malformed token is 401 tokenInvalid', async () => {
    const { status, body } = await me('not-a-jwt');

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenInvalid');
  });

  it('expired token is 401 tokenExpired', async () => {
    // Issued 09:00, valid one hour plus the 60 s clock tolerance.
    const token = await sign();
    harness.clock.set('2026-12-07T10:01:01+01:00');

    const { status, body } = await me(token);

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenExpired');
  });

  it('token within the clock tolerance is admitted', async () => {
    const token = await sign();
    harness.clock.set('2026-12-07T10:00:30+01:00');

    const { status } = await me(token);

    assert.equal(status, 200);
  });

  it('foreign signature is 401 tokenInvalid', async () => {
    const { status, body } = await me(await sign({}, { foreignKey: true }));

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenInvalid');
  });

  it('tampered payload is 401 tokenInvalid', async () => {
    const [header, , signature] = (await sign()).split('.');
    const forged = Buffer.from(JSON.stringify({ tid: consultant.tenantId, oid: consultant.aadObjectId, scp: 'access_as_user', aud: CLIENT_ID, iss: issuerV2(consultant.tenantId), exp: 4102444800 })).toString('base64url');

    const { status, body } = await me(`${header}.${forged}.${signature}`);

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenInvalid');
  });

  it('wrong audience is 401 tokenAudienceInvalid', async () => {
    for (const aud of ['00000003-0000-0000-c000-000000000000', `api://${CLIENT_ID}`, 'api://desk.example.test/botid-other']) {
      const { status, body } = await me(await sign({ aud }));

      assert.equal(status, 401, `audience ${aud}`);
      assert.equal(body.code, 'tokenAudienceInvalid', `audience ${aud}`);
    }
  });

  it('wrong issuer is 401 tokenIssuerInvalid', async () => {
    const issuers = [
      'https://evil.example/v2.0',
      issuerV2(OTHER_TENANT),
      `https://login.microsoftonline.com/${consultant.tenantId}/`,
    ];
    for (const iss of issuers) {
      const { status, body } = await me(await sign({ iss }));

      assert.equal(status, 401, `issuer ${iss}`);
      assert.equal(body.code, 'tokenIssuerInvalid', `issuer ${iss}`);
    }
  });

  it('wrong tenant is 403 wrongTenant', async () => {
    const { status, body } = await me(await sign({ tid: OTHER_TENANT, iss: issuerV2(OTHER_TENANT) }));

    assert.equal(status, 403);
    assert.equal(body.code, 'wrongTenant');
  });

  it('wrong user is 403 wrongUser', async () => {
    const { status, body } = await me(await sign({ oid: OTHER_USER }));

    assert.equal(status, 403);
    assert.equal(body.code, 'wrongUser');
  });

  it('missing scope is 403 scopeMissing', async () => {
    for (const scp of [undefined, 'User.Read', 'access_as_user_x']) {
      const { status, body } = await me(await sign({ scp }));

      assert.equal(status, 403, `scp ${scp}`);
      assert.equal(body.code, 'scopeMissing', `scp ${scp}`);
    }
  });

  it('scope among several is admitted', async () => {
    const { status } = await me(await sign({ scp: 'User.Read access_as_user' }));

    assert.equal(status, 200);
  });

  it('authentication runs before input validation', async () => {
    const { status, body } = await callApi(harness.desk.url, 'GET', '/requests?limit=0');

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenMissing');
    assert.equal(body.issues, undefined);
  });

  it('development sign-in is 404 when off', async () => {
    const { status, body } = await callApi(harness.desk.url, 'POST', '/dev-sign-in');

    assert.equal(status, 404);
    assert.equal(body.code, 'notFound');
  });

  it('HS256 token is rejected when the development sign-in is off', async () => {
    const { SignJWT } = await import('jose');
    const token = await new SignJWT({ tid: consultant.tenantId, oid: consultant.aadObjectId, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(CLIENT_ID)
      .setIssuer(issuerV2(consultant.tenantId))
      .setExpirationTime(Math.floor(Date.parse(NOW) / 1000) + 600)
      .sign(new TextEncoder().encode('a secret anyone could guess, 32+'));

    const { status, body } = await me(token);

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenInvalid');
  });
});

describe('tab API with unreachable signing keys', () => {
  const entra = new EntraStandIn();
  let harness: DeskHarness;

  before(async () => {
    await entra.start();
    const jwksUrl = entra.jwksUrl;
    // Stopping the stand-in leaves a loopback port that refuses connections.
    await entra.stop();
    harness = await startDeskHarness(NOW, { TAB_SSO_CLIENT_ID: CLIENT_ID, TAB_JWKS_URL: jwksUrl });
  });

  after(async () => {
    await harness.stop();
  });

  it('valid token is 503 signInUnavailable', async () => {
    const token = await entra.sign({ issuedAt: new Date(NOW) });

    const { status, body } = await callApi(harness.desk.url, 'GET', '/me', { token });

    assert.equal(status, 503);
    assert.equal(body.code, 'signInUnavailable');
  });
});

describe('tab API development sign-in', () => {
  const entra = new EntraStandIn();
  let harness: DeskHarness;

  before(async () => {
    await entra.start();
    harness = await startDeskHarness(NOW, { TAB_DEV_SIGN_IN: 'true' });
  });

  after(async () => {
    await harness.stop();
    await entra.stop();
  });

  it('issued token admits the consultant', async () => {
    harness.clock.set(NOW);

    const signIn = await callApi(harness.desk.url, 'POST', '/dev-sign-in');
    const { status, body } = await callApi(harness.desk.url, 'GET', '/me', { token: signIn.body.token });

    assert.equal(signIn.status, 200);
    assert.equal(signIn.body.expiresAt, '2026-12-07T09:00:00.000Z');
    assert.equal(status, 200);
    assert.equal(body.tenantId, consultant.tenantId);
  });

  it('issued token expires after 60 minutes', async () => {
    harness.clock.set(NOW);
    const signIn = await callApi(harness.desk.url, 'POST', '/dev-sign-in');
    harness.clock.set('2026-12-07T10:00:01+01:00');

    const { status, body } = await callApi(harness.desk.url, 'GET', '/me', { token: signIn.body.token });

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenExpired');
  });

  it('Teams token is rejected without TAB_SSO_CLIENT_ID', async () => {
    harness.clock.set(NOW);

    const token = await entra.sign({ issuedAt: new Date(NOW) });
    const { status, body } = await callApi(harness.desk.url, 'GET', '/me', { token });

    assert.equal(status, 401);
    assert.equal(body.code, 'tokenAudienceInvalid');
  });
});

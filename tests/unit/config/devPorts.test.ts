import assert from 'node:assert/strict';

import { parsePortVariable, useLocalTablePort } from '../../../scripts/devPorts.js';

const AZURITE = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

describe('npm start ports', () => {
  it('unset port variable gives the default', () => {
    assert.equal(parsePortVariable('DESK_AZURITE_PORT', undefined, 10002), 10002);
    assert.equal(parsePortVariable('DESK_AZURITE_PORT', '', 10002), 10002);
  });

  it('port variable is parsed', () => {
    assert.equal(parsePortVariable('PLAYGROUND_PORT', '56151', 56150), 56151);
  });

  it('invalid port variable names the variable', () => {
    assert.throws(() => parsePortVariable('PLAYGROUND_PORT', '70000', 56150), /PLAYGROUND_PORT must be a TCP port number \(1-65535\), got "70000"/);
    assert.throws(() => parsePortVariable('DESK_AZURITE_PORT', 'ten', 10002), /DESK_AZURITE_PORT must be a TCP port number/);
  });

  it('local table endpoint follows the Azurite port', () => {
    const result = useLocalTablePort(AZURITE, 10012);

    assert.equal(result.changed, true);
    assert.equal(
      result.connectionString,
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10012/devstoreaccount1;',
    );
  });

  it('endpoint on the same port is unchanged', () => {
    assert.deepEqual(useLocalTablePort(AZURITE, 10002), { connectionString: AZURITE, changed: false });
  });

  it('remote table endpoint is unchanged', () => {
    const remote = 'DefaultEndpointsProtocol=https;AccountName=desk;AccountKey=a2V5;TableEndpoint=https://desk.table.core.windows.net/;';
    assert.deepEqual(useLocalTablePort(remote, 10012), { connectionString: remote, changed: false });
  });
});

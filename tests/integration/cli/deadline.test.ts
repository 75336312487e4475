import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs `npm run --silent desk -- deadline ...` as the README documents it. */
function desk(...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'desk', '--', 'deadline', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DESK_HOLIDAY_REGION: '', DESK_CATALOG_PATH: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('desk deadline command', () => {
  it('prints the Gold deadline as JSON with offsets', () => {
    const { status, stdout } = desk('--plan', 'gold', '--opened', '2026-12-04T20:30:00+01:00');

    assert.equal(status, 0);
    const output = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(output.plan, 'gold');
    assert.equal(output.opened, '2026-12-04T20:30:00+01:00');
    assert.equal(output.deadline, '2026-12-07T07:30:00+01:00');
    assert.equal(output.guaranteeMinutes, 60);
  });

  it('converts a UTC opening to the Berlin offset', () => {
    const { stdout } = desk('--plan', 'bronze', '--opened', '2026-06-03T14:00:00Z', '--region', 'DE-BE');

    const output = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(output.opened, '2026-06-03T16:00:00+02:00');
    assert.equal(output.deadline, '2026-06-04T10:00:00+02:00');
  });

  it('emergency flag applies the earlier 24/7 deadline', () => {
    const { stdout } = desk('--plan', 'gold', '--opened', '2026-12-07T05:00:00+01:00', '--emergency');

    const output = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(output.deadline, '2026-12-07T07:00:00+01:00');
    assert.equal(output.guaranteeMinutes, 120);
    assert.equal(output.basis, 'emergency');
  });

  it('emergency plan gives the 24/7 line alone', () => {
    const { stdout } = desk('--plan', 'emergency', '--opened', '2026-06-10T23:30:00+02:00');

    assert.equal((JSON.parse(stdout) as Record<string, unknown>).deadline, '2026-06-11T01:30:00+02:00');
  });

  it('unknown plan exits non-zero with the known plans', () => {
    const { status, stdout, stderr } = desk('--plan', 'platinum', '--opened', '2026-12-04T20:30:00+01:00');

    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /Unknown plan "platinum"; known plans: bronze, silver, gold/);
  });

  it('unparsable time exits with usage', () => {
    const { status, stderr } = desk('--plan', 'gold', '--opened', '04.12.2026 20:30');

    assert.equal(status, 2);
    assert.match(stderr, /Invalid --opened "04.12.2026 20:30"/);
  });

  it('time without offset is rejected', () => {
    const { status } = desk('--plan', 'gold', '--opened', '2026-12-04T20:30:00');

    assert.equal(status, 2);
  });

  it('unknown region exits non-zero', () => {
    const { status, stderr } = desk('--plan', 'gold', '--opened', '2026-12-04T20:30:00+01:00', '--region', 'DE-XX');

    assert.equal(status, 2);
    assert.match(stderr, /Unknown holiday region "DE-XX"/);
  });

  it('empty or malformed region is rejected', () => {
    for (const region of ['', 'DE-BY-X', 'de-nw']) {
      const { status, stdout } = desk('--plan', 'gold', '--opened', '2026-12-24T20:30:00+01:00', '--region', region);

      assert.equal(status, 2, `region "${region}"`);
      assert.equal(stdout, '');
    }
  });

  it('out-of-range time and offset are rejected', () => {
    assert.equal(desk('--plan', 'gold', '--opened', '+275760-09-13T00:00:00Z').status, 2);
    assert.equal(desk('--plan', 'gold', '--opened', '2026-12-04T20:30:00+25:00').status, 2);
  });

  it('unknown option exits with usage', () => {
    const { status, stderr } = desk('--plan', 'gold', '--bogus');

    assert.equal(status, 2);
    assert.match(stderr, /Unknown option '--bogus'/);
  });
});

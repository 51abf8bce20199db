import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '@tradehub/platform';
import { ensureBuilt } from '../support/processes';
import { startTestApp } from '../support/test-app';

const CLI = path.resolve(__dirname, '../../dist/apps/tradehub/src/cli.js');

describe('Dev tokens: the sandbox and the tests only (API-1)', () => {
  it('API-1: outside the sandbox the API refuses dev tokens (401 problem+json saying why)', async () => {
    const t = await startTestApp({ kafka: false, env: { SANDBOX: 'false' } });
    try {
      const answer = await t.http.get('/v1/orders', await t.operatorToken());
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        code: 'INVALID_TOKEN',
        detail: 'development tokens are accepted only in the sandbox',
      });
    } finally {
      await t.close();
    }
  });

  it('API-1: AUTH_DEV_TOKENS opens them outside the sandbox (benchmarks) but never in production', async () => {
    const t = await startTestApp({ kafka: false, env: { SANDBOX: 'false', AUTH_DEV_TOKENS: 'true' } });
    try {
      expect((await t.http.get('/v1/orders', await t.operatorToken())).status).toBe(200);
    } finally {
      await t.close();
    }
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://trade.example' };
    expect(() => loadConfig({ ...production, AUTH_DEV_TOKENS: 'true' })).toThrow(/AUTH_DEV_TOKENS/);
    expect(loadConfig(production).auth.devTokens).toBe(false);
    expect(loadConfig({ SANDBOX: 'true' }).auth.devTokens).toBe(true);
  });

  it('API-1: the token CLI mints only where dev tokens are accepted', () => {
    ensureBuilt();
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'development' };
    const refused = spawnSync(process.execPath, [CLI, 'token', '--kind', 'operator'], {
      env,
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('dev tokens are for the sandbox only');
    const minted = spawnSync(process.execPath, [CLI, 'token', '--kind', 'operator'], {
      env: { ...env, SANDBOX: 'true' },
      encoding: 'utf8',
    });
    expect(minted.status).toBe(0);
    expect(minted.stdout.trim().split('.')).toHaveLength(3);
  });
});

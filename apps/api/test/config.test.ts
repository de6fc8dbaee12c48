import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repositoryRoot } from '../src/config';

describe('loadConfig', () => {
  it('has working defaults: embedded database under ./.data, port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.join(repositoryRoot, '.data', 'pglite'));
    expect(config.dbPoolMax).toBe(10);
  });

  it('reads values and resolves relative paths from where the command was typed', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: 'somewhere', INIT_CWD: '/srv/app', TRUST_PROXY: 'true', DATABASE_URL: '' });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('/srv/app/somewhere');
    expect(config.trustProxy).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid environment variable PORT: PORT must be a whole number \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid environment variable DATABASE_URL: DATABASE_URL must be a postgres:\/\/ /],
    [{ DB_POOL_MAX: '0' }, /DB_POOL_MAX must be at least 1/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid environment variable LOG_LEVEL: .* \(got "loud"\)$/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
    [{ PUBLIC_URL: 'ftp://example.org' }, /^Invalid environment variable PUBLIC_URL: PUBLIC_URL must be an http/],
    [{ PUBLIC_URL: 'https://example.org/?x=1' }, /PUBLIC_URL must not have a query/],
    [{ TIME_ZONE: 'Mars/Olympus' }, /^Invalid environment variable TIME_ZONE: TIME_ZONE must be an IANA time zone/],
    [{ SURVEY_LIMIT_PER_MINUTE: '0' }, /SURVEY_LIMIT_PER_MINUTE must be at least 1/],
  ])('rejects %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the bootstrap administrator and the session and sign-in limits', () => {
    const config = loadConfig({ ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'long enough secret', SESSION_TTL_HOURS: '2' });
    expect(config.bootstrapAdmin).toEqual({ email: 'root@example.test', password: 'long enough secret' });
    expect(config.sessionTtlHours).toBe(2);
    expect(config.loginLimit).toEqual({ perAccount: 10, perIp: 100, windowMinutes: 15 });
    expect(loadConfig({}).bootstrapAdmin).toBeUndefined();
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together, and never echoes the password', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'root@example.test' })).toThrow(/set ADMIN_EMAIL and ADMIN_PASSWORD together/);
    expect(() => loadConfig({ ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'short' })).toThrow(
      /^Invalid environment variable ADMIN_PASSWORD: ADMIN_PASSWORD must be at least 12 characters$/,
    );
  });

  it('builds survey links from PUBLIC_URL (default: this server) and counts days in TIME_ZONE', () => {
    expect(loadConfig({ PORT: '8080' })).toMatchObject({ publicUrl: 'http://localhost:8080', timeZone: 'Europe/Amsterdam', surveyLimitPerMinute: 300 });
    expect(loadConfig({ PUBLIC_URL: 'https://survey.example.org/socialsafety/', TIME_ZONE: 'UTC' })).toMatchObject({
      publicUrl: 'https://survey.example.org/socialsafety',
      timeZone: 'UTC',
    });
  });

  it('never echoes a database URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres:// secret' })).toThrow(/^(?!.*secret).*$/);
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, so that default paths do not depend on the folder pnpm runs a script from. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer('PORT', 0, 65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(repositoryRoot, '.data', 'pglite')),
  DB_POOL_MAX: integer('DB_POOL_MAX', 1, 200).default(10),
  DB_CONNECTION_TIMEOUT_MS: integer('DB_CONNECTION_TIMEOUT_MS', 100, 120_000).default(5_000),
  DB_QUERY_TIMEOUT_MS: integer('DB_QUERY_TIMEOUT_MS', 100, 3_600_000).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().min(1).default(path.join(repositoryRoot, 'apps', 'web', 'dist')),
  TRUST_PROXY: flag.default(false),
  SHUTDOWN_TIMEOUT_MS: integer('SHUTDOWN_TIMEOUT_MS', 100, 600_000).default(10_000),
  ADMIN_EMAIL: z.email('ADMIN_EMAIL must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').max(256).optional(),
  SESSION_TTL_HOURS: integer('SESSION_TTL_HOURS', 1, 24 * 30).default(12),
  LOGIN_LIMIT_PER_ACCOUNT: integer('LOGIN_LIMIT_PER_ACCOUNT', 1, 1_000).default(10),
  LOGIN_LIMIT_PER_IP: integer('LOGIN_LIMIT_PER_IP', 1, 100_000).default(100),
  LOGIN_LIMIT_WINDOW_MINUTES: integer('LOGIN_LIMIT_WINDOW_MINUTES', 1, 24 * 60).default(15),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http:// or https:// URL' })
    .refine((u) => !/[?#]/.test(u), 'PUBLIC_URL must not have a query or fragment')
    .optional(),
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'TIME_ZONE must be an IANA time zone such as Europe/Amsterdam')
    .default('Europe/Amsterdam'),
  SURVEY_LIMIT_PER_MINUTE: integer('SURVEY_LIMIT_PER_MINUTE', 1, 1_000_000).default(300),
  CLOSE_SWEEP_MINUTES: integer('CLOSE_SWEEP_MINUTES', 0, 24 * 60).default(15),
  SUBMIT_LANES: integer('SUBMIT_LANES', 1, 200).default(1),
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  dbConnectionTimeoutMs: number;
  dbQueryTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  webDist: string;
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  /** A platform administrator ensured at start-up (both set, or neither). */
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** Sessions end this long after sign-in, whatever the activity (absolute expiry). */
  sessionTtlHours: number;
  /** Failed sign-ins allowed per account and per client address within the window; then 429. */
  loginLimit: { perAccount: number; perIp: number; windowMinutes: number };
  /** Where people reach the product; survey links are `${publicUrl}/s/${token}`. No trailing slash. */
  publicUrl: string;
  /** The time zone in which measurement days (opening, closing, the day of a response) are counted. */
  timeZone: string;
  /** Requests to the public survey endpoints allowed per client address per minute; then 429. */
  surveyLimitPerMinute: number;
  /** Every so many minutes, measurements past their closing day are closed (and their results published); 0: never. */
  closeSweepMinutes: number;
  /**
   * Submission statements of one measurement running at once; submissions arriving meanwhile wait and go together
   * as one statement (see lib/batcher.ts). Below the pool size, so that other requests still find a connection.
   */
  submitLanes: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from the environment, validated. Throws ConfigError with one line naming the first bad
 * variable and what is wrong with it, so that start-up can stop with a message a person can act on.
 * Empty strings count as unset, as shells and .env files commonly produce them.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = present[name];
    const secret = name === 'DATABASE_URL' || name === 'ADMIN_PASSWORD';
    const shown = got === undefined || secret ? '' : ` (got "${got}")`;
    throw new ConfigError(`Invalid environment variable ${name}: ${issue?.message ?? 'invalid value'}${shown}`);
  }
  const e = parsed.data;
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid environment variable ADMIN_PASSWORD: set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither');
  }
  // Relative paths are meant from where the person typed the command (pnpm runs scripts inside the package).
  const from = env.INIT_CWD ?? process.cwd();
  const resolvePath = (p: string) => (p.startsWith('memory://') ? p : path.resolve(from, p));
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolvePath(e.DATA_DIR),
    dbPoolMax: e.DB_POOL_MAX,
    dbConnectionTimeoutMs: e.DB_CONNECTION_TIMEOUT_MS,
    dbQueryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    webDist: resolvePath(e.WEB_DIST),
    trustProxy: e.TRUST_PROXY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginLimit: {
      perAccount: e.LOGIN_LIMIT_PER_ACCOUNT,
      perIp: e.LOGIN_LIMIT_PER_IP,
      windowMinutes: e.LOGIN_LIMIT_WINDOW_MINUTES,
    },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    timeZone: e.TIME_ZONE,
    submitLanes: e.SUBMIT_LANES,
    surveyLimitPerMinute: e.SURVEY_LIMIT_PER_MINUTE,
    closeSweepMinutes: e.CLOSE_SWEEP_MINUTES,
  };
}

import { DEFAULT_ORGANISATION_NAME } from './unit-names';

/** Organisation sizes by name: a small firm, a hospital location, a whole care group. */
export const SIZE_PRESETS = { small: 250, medium: 1_000, large: 5_000 } as const;
export const EMPLOYEE_LIMITS = { min: 20, max: 50_000 } as const;
const NAME_MAX = 150;
export const DEMO_PREFIX = 'Demo — ';

export interface DemoOptions {
  employees: number;
  seed: number;
  /** Without the "Demo — " every demo organisation's name starts with. */
  name: string;
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = { employees: SIZE_PRESETS.medium, seed: 1, name: DEFAULT_ORGANISATION_NAME };

/** A demo option that cannot be used, with a message that says what would work. */
export class DemoOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoOptionError';
  }
}

function employeesFrom(value: string | number): number {
  const text = String(value).trim().toLowerCase();
  if (text in SIZE_PRESETS) return SIZE_PRESETS[text as keyof typeof SIZE_PRESETS];
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < EMPLOYEE_LIMITS.min || n > EMPLOYEE_LIMITS.max) {
    throw new DemoOptionError(
      `--employees must be a whole number from ${EMPLOYEE_LIMITS.min} to ${EMPLOYEE_LIMITS.max}, or one of ${Object.keys(SIZE_PRESETS).join(', ')} (got '${value}')`,
    );
  }
  return n;
}

function seedFrom(value: string | number): number {
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new DemoOptionError(`--seed must be a whole number of 0 or more (got '${value}')`);
  return n;
}

function nameFrom(value: string): string {
  const name = value.trim().replace(/^demo\s*[—–-]\s*/i, '');
  if (name.length === 0) throw new DemoOptionError('--name must not be empty');
  if (name.length > NAME_MAX) throw new DemoOptionError(`--name must be at most ${NAME_MAX} characters (got ${name.length})`);
  return name;
}

/** Checks and completes the options of `pnpm cli demo`; DemoOptionError names the first bad one. */
export function demoOptions(input: { employees?: string | number | undefined; seed?: string | number | undefined; name?: string | undefined }): DemoOptions {
  return {
    employees: input.employees === undefined ? DEFAULT_DEMO_OPTIONS.employees : employeesFrom(input.employees),
    seed: input.seed === undefined ? DEFAULT_DEMO_OPTIONS.seed : seedFrom(input.seed),
    name: input.name === undefined ? DEFAULT_DEMO_OPTIONS.name : nameFrom(input.name),
  };
}

/** Every demo organisation says so in its name, everywhere it is shown. */
export const demoOrganisationName = (name: string) => `${DEMO_PREFIX}${name}`;

import { seededRandom, type Random } from './random';
import { DIVISION_THEMES, type DivisionTheme } from './unit-names';

/** How a team's climate differs from the rest over the two waves (a year ago, now): what the trend pages show. */
export type TeamProblem = 'none' | 'persistent' | 'improved' | 'new';

export interface DemoUnit {
  code: string;
  name: string;
  parentCode: string | null;
  /** 0 organisation, 1 division, 2 department, 3 team. */
  level: 0 | 1 | 2 | 3;
}

export interface DemoTeam {
  code: string;
  name: string;
  /** Employees, invited or not. */
  size: number;
  problem: TeamProblem;
}

export interface DemoOrganisation {
  name: string;
  employees: number;
  /** Parents before their children, as an import expects them. */
  units: DemoUnit[];
  teams: DemoTeam[];
}

export const MIN_TEAM_SIZE = 2;
export const MAX_TEAM_SIZE = 300;
/**
 * Problem teams are ordinary teams: large enough to be published above k_sensitive, small enough that one team's
 * trouble does not move the whole organisation's figures.
 */
const PROBLEM_TEAM_SIZES = { min: 12, max: 60 } as const;
/** About one team in 25 has a clear problem in some wave. */
const PROBLEM_TEAM_SHARE = 0.04;

/**
 * Team sizes: mostly small teams (median about 9, as in care, where most work is done in teams of 5-15), with a tail
 * of large pooled teams (cleaning, night shifts) up to 300. A mixture of two log-normals, clamped.
 */
function teamSize(random: Random): number {
  const large = random.chance(0.06);
  const size = large ? Math.exp(Math.log(45) + 0.7 * random.normal()) : Math.exp(Math.log(9) + 0.65 * random.normal());
  return Math.min(MAX_TEAM_SIZE, Math.max(MIN_TEAM_SIZE, Math.round(size)));
}

/** Sizes that add up to exactly `employees`, each within 2..300. */
function teamSizes(employees: number, random: Random): number[] {
  const sizes: number[] = [];
  let total = 0;
  // One large team in an organisation big enough to have one: the heatmap should show the full range of sizes.
  if (employees >= 1_000) {
    sizes.push(random.int(150, MAX_TEAM_SIZE));
    total += sizes[0]!;
  }
  while (total < employees) {
    const size = Math.min(teamSize(random), employees - total);
    if (size < MIN_TEAM_SIZE) {
      // The one employee left over joins a team that still has room.
      const roomy = sizes.findIndex((s) => s < MAX_TEAM_SIZE);
      sizes[roomy] = sizes[roomy]! + size;
    } else {
      sizes.push(size);
    }
    total += size;
  }
  // The large team should not always come first in the tree.
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
  }
  return sizes;
}

/** Splits items into consecutive groups of min..max (the last group may be smaller; never a group of one after the first). */
function groups<T>(items: readonly T[], min: number, max: number, random: Random): T[][] {
  const out: T[][] = [];
  let at = 0;
  while (at < items.length) {
    let take = random.int(min, max);
    if (items.length - (at + take) < min) take = items.length - at;
    out.push(items.slice(at, at + take));
    at += take;
  }
  return out;
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** "Team Cardiologie", "Team Cardiologie" -> "Team Cardiologie 1", "Team Cardiologie 2"; unique names stay as they are. */
function numberDuplicates(names: readonly string[]): string[] {
  const total = new Map<string, number>();
  for (const name of names) total.set(name, (total.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (total.get(name) === 1) return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name} ${n}`;
  });
}

/**
 * Which teams have a clear problem (low psychological safety, much unwanted behaviour): one in 25 of the teams large
 * enough to be published, at least one. They take turns being persistent (both waves), improved (a year ago only) and
 * new (now only), so that the trend pages have something to show; the first is persistent.
 */
function problemTeams(sizes: readonly number[], random: Random): TeamProblem[] {
  const problems: TeamProblem[] = sizes.map(() => 'none');
  const eligible = shuffled(
    sizes.flatMap((size, i) => (size >= PROBLEM_TEAM_SIZES.min && size <= PROBLEM_TEAM_SIZES.max ? [i] : [])),
    random,
  );
  const count = Math.min(eligible.length, Math.max(1, Math.round(sizes.length * PROBLEM_TEAM_SHARE)));
  const kinds: TeamProblem[] = ['persistent', 'improved', 'new'];
  for (let i = 0; i < count; i++) problems[eligible[i]!] = kinds[i % kinds.length]!;
  return problems;
}

/**
 * A realistic organisation of `employees` people: organisation -> divisions -> departments -> teams (depth 4, every
 * team at the same depth), Dutch unit names and cost-centre codes (KP01, KP0103, KP010307). Pure and deterministic:
 * the same seed and size give the same organisation.
 */
export function generateOrganisation(options: { employees: number; seed: number; name: string }): DemoOrganisation {
  const random = seededRandom(options.seed).fork('organisation');
  const sizes = teamSizes(options.employees, random.fork('sizes'));
  const problems = problemTeams(sizes, random.fork('problems'));
  const teamIndexes = sizes.map((_, i) => i);

  const shape = random.fork('shape');
  const departments = groups(teamIndexes, 2, 7, shape);
  // At least two divisions wherever there are departments enough: a tree of one branch shows little.
  const divisions = groups(departments, 2, Math.max(2, Math.min(5, Math.ceil(departments.length / 2))), shape);

  const width = (count: number) => Math.max(2, String(count).length);
  const rootCode = 'KP00';
  const units: DemoUnit[] = [{ code: rootCode, name: options.name, parentCode: null, level: 0 }];
  const teamUnits: { index: number; code: string; parentCode: string; baseName: string }[] = [];
  const names = random.fork('names');

  divisions.forEach((divisionDepartments, d) => {
    const theme: DivisionTheme = DIVISION_THEMES[d % DIVISION_THEMES.length]!;
    const round = Math.floor(d / DIVISION_THEMES.length);
    const divisionCode = `KP${pad(d + 1, width(divisions.length))}`;
    units.push({ code: divisionCode, name: round === 0 ? theme.name : `${theme.name} ${round + 1}`, parentCode: rootCode, level: 1 });
    const departmentNames = shuffled(theme.departments, names);
    divisionDepartments.forEach((teams, j) => {
      const base = departmentNames[j % departmentNames.length]!;
      const again = Math.floor(j / departmentNames.length);
      const departmentCode = `${divisionCode}${pad(j + 1, width(divisionDepartments.length))}`;
      units.push({ code: departmentCode, name: again === 0 ? base : `${base} ${again + 1}`, parentCode: divisionCode, level: 2 });
      teams.forEach((index, t) => {
        teamUnits.push({
          index,
          code: `${departmentCode}${pad(t + 1, width(teams.length))}`,
          parentCode: departmentCode,
          baseName: names.pick(theme.teams),
        });
      });
    });
  });

  const teamNames = numberDuplicates(teamUnits.map((t) => t.baseName));
  const teams: DemoTeam[] = teamUnits.map((t, i) => {
    units.push({ code: t.code, name: teamNames[i]!, parentCode: t.parentCode, level: 3 });
    return { code: t.code, name: teamNames[i]!, size: sizes[t.index]!, problem: problems[t.index]! };
  });
  return { name: options.name, employees: options.employees, units, teams };
}

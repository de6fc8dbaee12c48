import type { DemoSignIn } from './demo-account';
import type { DemoSummary } from './load';

const PROBLEM_WORDS = {
  persistent: 'low psychological safety and much unwanted behaviour, in both years',
  improved: 'had problems a year ago, better now',
  new: 'problems this year, not a year ago',
} as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

/** What was loaded, in a few lines a newcomer can act on; labelled as synthetic, so nobody mistakes it for data. */
export function describeDemo(summary: DemoSummary): string[] {
  return [
    'DEMO DATA: synthetic answers of invented employees, generated for trying the product out. Not real people.',
    `  Organisation  ${summary.name}: ${count(summary.employees, 'employee', 'employees')}, ${count(summary.divisions, 'division', 'divisions')}, ` +
      `${count(summary.departments, 'department', 'departments')}, ${count(summary.teams, 'team', 'teams')}`,
    ...summary.measurements.map(
      (m, i) =>
        `  ${i === 0 ? 'Measurements' : '            '}  ${m.title}, ${m.opensAt} to ${m.closesAt}: ${m.responses} of ${m.invited} answered (${percent(m.responses, m.invited)} %), ${m.status}`,
    ),
    '  Teams built to show a problem:',
    ...summary.problemTeams.map((t) => `    ${t.name} (${t.code}): ${PROBLEM_WORDS[t.problem]}`),
  ];
}

/** How to sign in; `url` is where the product is (or will be, once started). */
export function describeSignIn(signIn: DemoSignIn, url: string): string[] {
  switch (signIn.kind) {
    case 'created':
      return [
        `Sign in at ${url} as ${signIn.email} with the password ${signIn.password}`,
        '  (shown only now; a demo platform administrator: disable it in Users before real use, or',
        `  set a new password with: pnpm cli user password --email ${signIn.email})`,
      ];
    case 'existing':
      return [
        `Sign in at ${url} as ${signIn.email}, with the password shown when the demo was first loaded`,
        `  (forgotten? pnpm cli user password --email ${signIn.email}, with the server stopped)`,
      ];
    case 'configured':
      return [`Sign in at ${url} as ${signIn.email} (ADMIN_EMAIL) with ADMIN_PASSWORD`];
  }
}

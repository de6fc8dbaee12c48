import {
  checkAnswers,
  checkDemographicAnswers,
  isDontKnow,
  itemsInOrder,
  socialSafety_1_0_0 as definition,
  visibleItemIds,
} from '@socialsafety/instrument';
import { behaviourIndicators, icc1, recodeAnswers, scaleScores } from '@socialsafety/scoring';
import { describe, expect, it } from 'vitest';
import { generateOrganisation, type DemoOrganisation } from '../src/demo/organisation';
import { EXPERIENCED_PREVALENCE, NEA_2017_EXPERIENCED } from '../src/demo/population';
import { planWave, simulateWave, type DemoResponse, type Wave } from '../src/demo/responses';

const DEMOGRAPHICS = definition.demographics.map((d) => d.id);

function wave(organisation: DemoOrganisation, seed: number, w: Wave): DemoResponse[] {
  return [...simulateWave(definition, planWave(organisation, seed, w), { seed, demographics: DEMOGRAPHICS })];
}

// One fixed organisation for the statistical checks: 2,000 employees, both waves (about 2,600 responses).
const SEED = 20_261_201;
const org = generateOrganisation({ employees: 2_000, seed: SEED, name: 'Demo — Test' });
const waves = [wave(org, SEED, 0), wave(org, SEED, 1)] as const;
const all = [...waves[0], ...waves[1]];

describe('demo organisation', () => {
  it('is the same for the same seed and size, and different for another seed', () => {
    const options = { employees: 600, seed: 7, name: 'Demo — A' };
    const a = generateOrganisation(options);
    expect(generateOrganisation(options)).toEqual(a);
    expect(wave(generateOrganisation(options), 7, 1).slice(0, 50)).toEqual(wave(a, 7, 1).slice(0, 50));
    const other = generateOrganisation({ ...options, seed: 8 });
    expect(other.teams.map((t) => t.size)).not.toEqual(a.teams.map((t) => t.size));
    expect(wave(other, 8, 1).slice(0, 5)).not.toEqual(wave(a, 7, 1).slice(0, 5));
  });

  it.each([20, 250, 1_000, 12_000])('has depth 4, teams of 2 to 300 adding up to %i employees, unique codes', (employees) => {
    const { units, teams } = generateOrganisation({ employees, seed: 3, name: 'Demo — B' });
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.size).toBe(units.length);
    expect(units.filter((u) => u.parentCode === null)).toHaveLength(1);
    const depth = (code: string): number => {
      const parent = byCode.get(code)!.parentCode;
      return parent === null ? 1 : 1 + depth(parent);
    };
    // Every team is a leaf at depth 4, and every leaf is a team: organisation -> division -> department -> team.
    const parents = new Set(units.map((u) => u.parentCode));
    const leaves = units.filter((u) => !parents.has(u.code));
    expect(leaves.map((u) => u.code).sort()).toEqual(teams.map((t) => t.code).sort());
    expect(new Set(leaves.map((u) => depth(u.code)))).toEqual(new Set([4]));
    expect(units.every((u) => depth(u.code) === u.level + 1)).toBe(true);
    // Parents come before their children, as an import reads them.
    const seen = new Set<string>();
    for (const unit of units) {
      expect(unit.parentCode === null || seen.has(unit.parentCode)).toBe(true);
      seen.add(unit.code);
    }
    expect(teams.reduce((sum, t) => sum + t.size, 0)).toBe(employees);
    expect(teams.every((t) => t.size >= 2 && t.size <= 300)).toBe(true);
  });

  it('has many small teams and a few large ones, Dutch names and at least one team with a problem', () => {
    const sizes = org.teams.map((t) => t.size).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThanOrEqual(15);
    expect(sizes.filter((s) => s <= 10).length).toBeGreaterThan(sizes.length / 2);
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(100);
    expect(org.units.filter((u) => u.level === 1).map((u) => u.name)).toContain('Zorg');
    expect(org.teams.every((t) => t.name.startsWith('Team '))).toBe(true);
    expect(org.teams.filter((t) => t.problem === 'persistent').length).toBeGreaterThanOrEqual(1);
  });
});

describe('demo responses', () => {
  it('are every one valid by the questionnaire: checkAnswers and the demographic check find nothing', () => {
    const problems = all.flatMap((r) => [...checkAnswers(definition, r.answers), ...checkDemographicAnswers(definition, r.demographics, DEMOGRAPHICS)]);
    expect(problems).toEqual([]);
    expect(new Set(all.map((r) => r.language))).toEqual(new Set(['nl', 'en']));
  });

  it('answer follow-ups exactly when their condition holds, and "don\'t know" and "prefer not to say" now and then', () => {
    const followUps = itemsInOrder(definition).filter((item) => item.condition !== undefined);
    let shown = 0;
    for (const r of all) {
      const visible = visibleItemIds(definition, r.answers);
      for (const item of followUps) {
        // Source and reporting questions are never skipped in the demo; handling follows a report.
        if (visible.has(item.id)) shown++;
        expect(r.answers[item.id] !== undefined).toBe(visible.has(item.id));
      }
    }
    expect(shown).toBeGreaterThan(500);
    const dontKnow = all.filter((r) => Object.values(r.answers).some((v) => v !== undefined && isDontKnow(v))).length;
    expect(dontKnow / all.length).toBeGreaterThan(0.2);
    const declined = all.filter((r) => Object.values(r.demographics).includes(9)).length;
    expect(declined / all.length).toBeGreaterThan(0.05);
    expect(declined / all.length).toBeLessThan(0.3);
  });

  it('answer reverse-keyed items consistently with the rest of their scale', () => {
    // After reverse keying, "mistakes are held against you" must go with the other psychological-safety items.
    const pairs = all.flatMap((r) => {
      const recoded = recodeAnswers(definition, r.answers);
      const others = ['ps_raise_problems', 'ps_learn_from_mistakes', 'ps_be_yourself', 'ps_new_ideas'].map((id) => recoded[id]);
      const reversed = recoded.ps_mistakes_remembered;
      if (reversed === null || reversed === undefined || others.some((v) => v === null || v === undefined)) return [];
      return [[reversed, (others as number[]).reduce((a, b) => a + b, 0) / others.length] as const];
    });
    expect(correlation(pairs)).toBeGreaterThan(0.3);
  });

  it('take part at 60-75 %', () => {
    for (const w of [0, 1] as const) {
      const rate = planWave(org, SEED, w).total / org.employees;
      expect(rate).toBeGreaterThan(0.6);
      expect(rate).toBeLessThan(0.75);
    }
  });

  it('differ between teams as much as climate scales do in real teams: ICC(1) from 0.05 to 0.20', () => {
    // Target: ICC(1) of team climate scales is typically 0.05-0.20 (Bliese 2000; docs/instrument.md asks for ICC(1)
    // to show that aggregating to teams is meaningful). icc1 is checked against R in packages/scoring. A larger
    // organisation (about 400 teams) for this one: with 130 teams the estimate itself varies by about 0.04.
    const large = generateOrganisation({ employees: 6_000, seed: SEED, name: 'Demo — Large' });
    const responses = wave(large, SEED, 1);
    for (const scaleId of ['psychological_safety', 'ethical_leadership', 'fear_of_repercussions', 'overall_safety']) {
      const scores: number[] = [];
      const teams: string[] = [];
      for (const r of responses) {
        const raw = scaleScores(definition, recodeAnswers(definition, r.answers))[scaleId]?.raw;
        if (raw === null || raw === undefined) continue;
        scores.push(raw);
        teams.push(r.unitCode);
      }
      const icc = icc1(scores, teams);
      expect(icc, scaleId).toBeGreaterThan(0.05);
      expect(icc, scaleId).toBeLessThan(0.2);
    }
  });

  it('report unwanted behaviour near the NEA 2017 figures for Dutch employees (within 3.5 points)', () => {
    // Targets: NEA 2017 as cited in docs/instrument.md (population.ts names each figure). Both waves together,
    // about 2,600 respondents in teams: the tolerance is about twice the standard error with clustering.
    const share = (test: (b: ReturnType<typeof behaviourIndicators>) => boolean | null) => all.filter((r) => test(behaviourIndicators(definition, r.answers))).length / all.length;
    const { any } = NEA_2017_EXPERIENCED;
    const close = (actual: number, target: number) => expect(Math.abs(actual - target)).toBeLessThan(0.035);
    close(share((b) => b.experienced.source.any.bySide.internal), any.internal);
    close(share((b) => b.experienced.source.any.bySide.external), any.external);
    for (const category of ['intimidating-aggressive-violent', 'bullying-threatening', 'sexual'] as const) {
      close(share((b) => b.experienced.source.byCategory[category].bySide.internal), EXPERIENCED_PREVALENCE[category].internal);
      close(share((b) => b.experienced.source.byCategory[category].bySide.external), EXPERIENCED_PREVALENCE[category].external);
    }
  });

  it('show the problem teams: lower psychological safety and more unwanted behaviour from inside', () => {
    const problem = new Set(org.teams.filter((t) => t.problem === 'persistent' || t.problem === 'new').map((t) => t.code));
    const split = { problem: [] as DemoResponse[], rest: [] as DemoResponse[] };
    for (const r of waves[1]) split[problem.has(r.unitCode) ? 'problem' : 'rest'].push(r);
    const safety = (rs: DemoResponse[]) => mean(rs.map((r) => scaleScores(definition, recodeAnswers(definition, r.answers)).psychological_safety?.raw ?? null));
    const internal = (rs: DemoResponse[]) => rs.filter((r) => behaviourIndicators(definition, r.answers).experienced.source.any.bySide.internal).length / rs.length;
    expect(safety(split.rest) - safety(split.problem)).toBeGreaterThan(0.5);
    expect(internal(split.problem)).toBeGreaterThan(internal(split.rest) + 0.15);
  });
});

function mean(values: readonly (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null);
  return present.reduce((a, b) => a + b, 0) / present.length;
}

function correlation(pairs: readonly (readonly [number, number])[]): number {
  const mx = mean(pairs.map((p) => p[0]));
  const my = mean(pairs.map((p) => p[1]));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

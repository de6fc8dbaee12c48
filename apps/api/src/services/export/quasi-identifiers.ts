import type { Demographic, LocalisedText, QuestionnaireDefinition } from '@socialsafety/instrument';
import {
  flatHierarchy,
  MISSING_VALUE,
  orderedBandHierarchy,
  SUPPRESSED,
  unitHierarchy,
  type GeneralisationHierarchy,
} from '@socialsafety/scoring';
import { AppError } from '../../lib/errors';
import type { ExportResponse, ExportUnit } from './types';

/*
 * Quasi-identifiers: what someone who knows a colleague could use to find that colleague's row (their unit, their
 * answers to the background questions, the language they answered in). Each comes with a generalisation hierarchy
 * (disclosure-control.md rule 9): unit -> parent unit, age band -> wider bands, anything -> "*".
 */

export interface QuasiIdentifier {
  /** Column name in data.csv, and the name the `qi` option uses. */
  readonly name: string;
  readonly kind: 'unit' | 'demographic' | 'language';
  readonly label: LocalisedText;
  readonly hierarchy: GeneralisationHierarchy;
  /** What each level of the hierarchy does, in words (index = level). */
  readonly levels: readonly string[];
  /** The respondent's own value as the hierarchy names it (MISSING_VALUE when not answered). */
  valueOf(response: ExportResponse): string;
  /** A label for any value at any level. */
  valueLabel(value: string): LocalisedText;
}

/** What a researcher can choose from, and how: `unit`, `unit:<depth>`, a demographic id, `language`. */
export interface AvailableQuasiIdentifier {
  readonly name: string;
  readonly kind: QuasiIdentifier['kind'];
  readonly label: LocalisedText;
  /** For `unit`: the deepest level of the tree; `unit:<d>` keeps units down to depth d (0 = the organisation). */
  readonly maxDepth: number | null;
}

export interface QuasiIdentifierContext {
  readonly definition: QuestionnaireDefinition;
  /** Demographic ids the measurement asked. */
  readonly demographics: readonly string[];
  readonly languages: readonly string[];
  readonly units: readonly ExportUnit[];
}

export interface Selected {
  readonly name: string;
  /** `unit:<d>`: the depth units are cut at; null for everything else. */
  readonly depth: number | null;
}

const SUPPRESSED_LABEL: LocalisedText = { en: 'hidden to protect anonymity', nl: 'verborgen om de anonimiteit te beschermen' };
const MISSING_LABEL: LocalisedText = { en: 'not answered', nl: 'niet beantwoord' };

function same(text: string, languages: readonly string[]): LocalisedText {
  return Object.fromEntries(languages.map((language) => [language, text]));
}

function depths(units: readonly ExportUnit[]): Map<string, number> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const depth = new Map<string, number>();
  const of = (id: string, seen = 0): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parentId ?? null;
    // A frozen tree cannot contain a cycle (foreign keys and the import forbid it); the bound only avoids a hang.
    const value = parent === null || !byId.has(parent) || seen > units.length ? 0 : of(parent, seen + 1) + 1;
    depth.set(id, value);
    return value;
  };
  for (const unit of units) of(unit.id);
  return depth;
}

export function availableQuasiIdentifiers(context: QuasiIdentifierContext): AvailableQuasiIdentifier[] {
  const treeDepth = Math.max(0, ...depths(context.units).values());
  return [
    { name: 'unit', kind: 'unit', label: { en: 'Unit', nl: 'Afdeling' }, maxDepth: treeDepth },
    ...demographicsOf(context).map((demographic) => ({
      name: demographic.id,
      kind: 'demographic' as const,
      label: demographic.text,
      maxDepth: null,
    })),
    { name: 'language', kind: 'language', label: { en: 'Language of the answers', nl: 'Taal van de antwoorden' }, maxDepth: null },
  ];
}

function demographicsOf(context: QuasiIdentifierContext): Demographic[] {
  return context.definition.demographics.filter((demographic) => context.demographics.includes(demographic.id));
}

/**
 * Reads the `qi` option ("unit:2,age_band,gender"): absent means every quasi-identifier available, empty means
 * none. Unknown names, repeats and depths beyond the tree are a 400 that says what can be chosen.
 */
export function parseSelection(option: string | undefined, available: readonly AvailableQuasiIdentifier[]): Selected[] {
  if (option === undefined) return available.map((qi) => ({ name: qi.name, depth: null }));
  const tokens = option.split(',').map((token) => token.trim()).filter((token) => token !== '');
  const choices = available.map((qi) => (qi.kind === 'unit' ? `unit (or unit:0..${qi.maxDepth})` : qi.name)).join(', ');
  const selected = tokens.map((token) => {
    const [name = '', depth] = token.split(':');
    return { name, depth: depth === undefined ? null : Number(depth), token };
  });
  const unknown = selected.filter((s) => !available.some((qi) => qi.name === s.name)).map((s) => s.token);
  if (unknown.length > 0) {
    throw new AppError(400, 'UNKNOWN_QUASI_IDENTIFIER', `Unknown quasi-identifier${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Choose from: ${choices}.`, {
      unknown,
      available: available.map((qi) => qi.name),
    });
  }
  const repeated = selected.filter((s, i) => selected.findIndex((t) => t.name === s.name) !== i).map((s) => s.name);
  if (repeated.length > 0) {
    throw new AppError(400, 'REPEATED_QUASI_IDENTIFIER', `Name each quasi-identifier once; repeated: ${[...new Set(repeated)].join(', ')}.`);
  }
  for (const s of selected) {
    const qi = available.find((a) => a.name === s.name)!;
    if (s.depth === null) continue;
    if (qi.maxDepth === null) {
      throw new AppError(400, 'INVALID_QUASI_IDENTIFIER', `Only unit takes a depth (unit:<depth>); write ${s.name} without ":${s.depth}".`);
    }
    if (!Number.isInteger(s.depth) || s.depth < 0 || s.depth > qi.maxDepth) {
      throw new AppError(400, 'INVALID_QUASI_IDENTIFIER', `The unit tree of this measurement is ${qi.maxDepth} levels deep: choose unit:0 to unit:${qi.maxDepth}.`);
    }
  }
  return selected.map((s) => ({ name: s.name, depth: s.depth }));
}

/** The chosen quasi-identifiers with their hierarchies, in the order the option named them. */
export function buildQuasiIdentifiers(selection: readonly Selected[], context: QuasiIdentifierContext): QuasiIdentifier[] {
  return selection.map((selected) => {
    if (selected.name === 'unit') return unitQuasiIdentifier(context, selected.depth);
    if (selected.name === 'language') return languageQuasiIdentifier(context);
    const demographic = demographicsOf(context).find((d) => d.id === selected.name);
    if (demographic === undefined) throw new Error(`buildQuasiIdentifiers: ${selected.name} was not offered`);
    return demographicQuasiIdentifier(demographic, context.definition.languages);
  });
}

function unitQuasiIdentifier(context: QuasiIdentifierContext, cut: number | null): QuasiIdentifier {
  const depthOf = depths(context.units);
  const byId = new Map(context.units.map((unit) => [unit.id, unit]));
  const limit = cut ?? Math.max(0, ...depthOf.values());
  // Units below the cut are shown as their ancestor at the cut: the tree itself ends there.
  const shownAs = new Map<string, ExportUnit>();
  for (const unit of context.units) {
    let shown = unit;
    while ((depthOf.get(shown.id) ?? 0) > limit && shown.parentId !== null && byId.has(shown.parentId)) shown = byId.get(shown.parentId)!;
    shownAs.set(unit.id, shown);
  }
  const kept = context.units.filter((unit) => (depthOf.get(unit.id) ?? 0) <= limit);
  const hierarchy = unitHierarchy(kept.map((unit) => ({ id: unit.code, parentId: unit.parentId === null ? null : (byId.get(unit.parentId)?.code ?? null) })));
  const names = new Map(kept.map((unit) => [unit.code, unit.name]));
  const languages = context.definition.languages;
  const deepest = hierarchy.height - 1;
  return {
    name: 'unit',
    kind: 'unit',
    label: { en: 'Unit (code)', nl: 'Afdeling (code)' },
    hierarchy,
    levels: Array.from({ length: hierarchy.height + 1 }, (_, level) =>
      level === hierarchy.height
        ? 'not shown (*)'
        : level === 0
          ? `every unit down to depth ${deepest} as answered${cut !== null ? ` (units below depth ${cut} shown as their ancestor)` : ''}`
          : `units below depth ${deepest - level} shown as their ancestor at depth ${deepest - level}`,
    ),
    valueOf: (response) => shownAs.get(response.unitId)?.code ?? MISSING_VALUE,
    valueLabel: (value) => (value === SUPPRESSED ? SUPPRESSED_LABEL : same(names.get(value) ?? value, languages)),
  };
}

function demographicQuasiIdentifier(demographic: Demographic, languages: readonly string[]): QuasiIdentifier {
  const options = new Map(demographic.options.map((option) => [String(option.value), option]));
  // Bands (age, tenure) are ordered: neighbours can be joined. Other questions (contract, gender) have no order, so
  // the only generalisation is to hide the answer.
  const ordered = demographic.id.endsWith('_band');
  const hierarchy = ordered
    ? orderedBandHierarchy(
        demographic.options.filter((o) => !o.preferNotToSay).map((o) => String(o.value)),
        { special: demographic.options.filter((o) => o.preferNotToSay).map((o) => String(o.value)) },
      )
    : flatHierarchy(demographic.options.map((o) => String(o.value)));
  const labelOf = (value: string): LocalisedText => {
    if (value === SUPPRESSED) return SUPPRESSED_LABEL;
    if (value === MISSING_VALUE) return MISSING_LABEL;
    const [first = '', last] = value.split('..');
    const a = options.get(first)?.label;
    const b = last === undefined ? undefined : options.get(last)?.label;
    if (a === undefined) return same(value, languages);
    if (b === undefined) return a;
    return Object.fromEntries(languages.map((language) => [language, `${a[language] ?? first} – ${b[language] ?? last}`]));
  };
  return {
    name: demographic.id,
    kind: 'demographic',
    label: demographic.text,
    hierarchy,
    levels: Array.from({ length: hierarchy.height + 1 }, (_, level) =>
      level === hierarchy.height ? 'not shown (*)' : level === 0 ? 'as answered' : `neighbouring bands joined in groups of ${2 ** level}`,
    ),
    valueOf: (response) => {
      const value = response.demographics[demographic.id];
      const key = value === undefined || value === null ? MISSING_VALUE : String(value);
      // Submissions are checked against the options, so an unknown code is not expected; hiding it is the safe reading.
      return hierarchy.table.has(key) ? key : MISSING_VALUE;
    },
    valueLabel: labelOf,
  };
}

function languageQuasiIdentifier(context: QuasiIdentifierContext): QuasiIdentifier {
  const hierarchy = flatHierarchy(context.languages);
  const languages = context.definition.languages;
  const nameOf = (code: string): LocalisedText =>
    Object.fromEntries(languages.map((language) => [language, new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code]));
  return {
    name: 'language',
    kind: 'language',
    label: { en: 'Language of the answers', nl: 'Taal van de antwoorden' },
    hierarchy,
    levels: ['as answered', 'not shown (*)'],
    valueOf: (response) => (hierarchy.table.has(response.language) ? response.language : MISSING_VALUE),
    valueLabel: (value) => (value === SUPPRESSED ? SUPPRESSED_LABEL : value === MISSING_VALUE ? MISSING_LABEL : nameOf(value)),
  };
}

/** How a quasi-identifier value is written in data.csv: "not answered" is an empty field, like every missing value. */
export function writtenValue(value: string): string {
  return value === MISSING_VALUE ? '' : value;
}

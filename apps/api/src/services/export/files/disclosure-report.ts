import type { AnonymisationPlan } from '../planner';
import type { QuasiIdentifier } from '../quasi-identifiers';
import type { WrittenFileCheck } from '../written-check';
import type { ExportMetadata } from './metadata';

export interface DisclosureReportInput {
  readonly meta: ExportMetadata;
  readonly plan: AnonymisationPlan;
  readonly quasiIdentifiers: readonly QuasiIdentifier[];
  readonly sensitive: readonly string[];
  readonly maxSuppressedShare: number;
  readonly check: WrittenFileCheck;
  /** Free-text items left out. */
  readonly freeText: readonly string[];
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The summary of an anonymisation that the audit log, the preview and the report share. */
export function anonymisationSummary(plan: AnonymisationPlan, quasiIdentifiers: readonly QuasiIdentifier[]) {
  return {
    recordsIn: plan.recordsIn,
    recordsReleased: plan.recordsReleased,
    recordsSuppressed: plan.recordsSuppressed,
    withinSuppressionLimit: plan.withinSuppressionLimit,
    informationLoss: round(plan.informationLoss),
    classes: plan.classes,
    smallestClass: plan.smallestClass,
    quasiIdentifiers: plan.quasiIdentifiers.map((outcome, q) => ({
      name: outcome.name,
      level: outcome.level,
      height: outcome.height,
      generalisation: quasiIdentifiers[q]?.levels[outcome.level] ?? '',
      generalisedShare: outcome.generalisedShare === null ? null : round(outcome.generalisedShare),
      distinctValues: outcome.distinctValues,
    })),
  };
}

export function disclosureReport(input: DisclosureReportInput) {
  const { meta, plan, check } = input;
  return {
    measurement: { title: meta.title, questionnaire: meta.questionnaire, opensAt: meta.opensAt, closesAt: meta.closesAt },
    exportedOn: meta.exportedOn,
    k: meta.k,
    l: meta.l,
    kRule: 'k is the measurement’s k_sensitive: every row holds answers about unwanted behaviour, which the published results show only for groups of at least k_sensitive.',
    sensitiveVariables: input.sensitive,
    maxSuppressedShare: input.maxSuppressedShare,
    ...anonymisationSummary(plan, input.quasiIdentifiers),
    notInTheFile: ['response ids', 'submission dates and times', 'invitations and tokens', ...input.freeText.map((id) => `free text (${id})`)],
    verification: {
      method: 'data.csv was read back as it was written into this zip, parsed independently of the code that wrote it, grouped by its quasi-identifier fields, and every group checked against k and l.',
      ok: check.ok,
      rows: check.rows,
      classes: check.classes,
      smallestClass: check.smallestClass,
      lowestDiversity: check.lowestDiversity,
      problems: check.problems,
    },
  };
}

export function disclosureReportMarkdown(report: ReturnType<typeof disclosureReport>): string {
  const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  const v = report.verification;
  return [
    `# Disclosure report: ${report.measurement.title}`,
    '',
    `Exported on ${report.exportedOn} from \`${report.measurement.questionnaire}\` (answered ${report.measurement.opensAt} to ${report.measurement.closesAt}).`,
    '',
    `- **k = ${report.k}**: every combination of quasi-identifier values in data.csv occurs at least ${report.k} times. ${report.kRule}`,
    `- **l = ${report.l}**: every such group holds at least ${report.l} different answers to each sensitive variable (${report.sensitiveVariables.map((s) => `\`${s}\``).join(', ') || 'none'}), unless nobody in it answered.`,
    `- Responses: ${report.recordsIn}; released ${report.recordsReleased}; **suppressed ${report.recordsSuppressed}** (whole rows left out because their group could not be made safe otherwise; at most ${percent(report.maxSuppressedShare)} was aimed for${report.withinSuppressionLimit ? '' : ', and could not be kept: more generalisation would not have helped'}).`,
    `- Groups (equivalence classes): ${report.classes}, the smallest of ${report.smallestClass ?? 'n/a'} rows. Information loss: ${percent(report.informationLoss)} (0% = every value as answered, 100% = everything hidden).`,
    '',
    '| quasi-identifier | level | generalisation applied | values generalised | distinct values left |',
    '|---|---|---|---|---|',
    ...report.quasiIdentifiers.map((q) => `| \`${q.name}\` | ${q.level} of ${q.height} | ${q.generalisation} | ${percent(q.generalisedShare)} | ${q.distinctValues} |`),
    '',
    `Not in the file: ${report.notInTheFile.join(', ')}.`,
    '',
    '## Verification of the written file',
    '',
    v.method,
    '',
    `Result: **${v.ok ? 'passed' : 'FAILED'}**: ${v.rows} rows in ${v.classes} groups, the smallest of ${v.smallestClass ?? 'n/a'}; fewest distinct answers of a sensitive variable in a group: ${v.lowestDiversity ?? 'n/a'}.`,
    ...v.problems.map((problem) => `- ${problem}`),
    '',
  ].join('\n');
}

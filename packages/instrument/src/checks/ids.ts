import { formatPath, type Path } from '../issues';
import type { QuestionnaireDefinition } from '../schema';
import type { Report } from './report';

/** Ids unique per kind; item and demographic ids also unique together, since both become answer columns. */
export function checkIds(definition: QuestionnaireDefinition, report: Report): void {
  const sections = definition.sections.map((s, i) => ({ id: s.id, path: ['sections', i] as Path }));
  const items = definition.sections.flatMap((s, i) => s.items.map((item, j) => ({ id: item.id, path: ['sections', i, 'items', j] as Path })));
  const demographics = definition.demographics.map((d, i) => ({ id: d.id, path: ['demographics', i] as Path }));

  unique(sections, 'section id', report);
  unique(items, 'item id', report);
  unique(definition.scales.map((s, i) => ({ id: s.id, path: ['scales', i] as Path })), 'scale id', report);
  unique(definition.responseScales.map((s, i) => ({ id: s.id, path: ['responseScales', i] as Path })), 'response scale id', report);
  unique(demographics, 'demographic id', report);

  const itemPaths = new Map(items.map((entry) => [entry.id, entry.path]));
  for (const demographic of demographics) {
    const itemPath = itemPaths.get(demographic.id);
    if (itemPath !== undefined) {
      report([...demographic.path, 'id'], `demographic id '${demographic.id}' is also an item id (at ${formatPath(itemPath)})`);
    }
  }

  definition.responseScales.forEach((scale, i) => uniqueValues(scale.options, ['responseScales', i], report));
  definition.sections.forEach((section, i) =>
    section.items.forEach((item, j) => {
      if (item.type === 'single-choice' || item.type === 'multiple-choice') {
        uniqueValues(item.options, ['sections', i, 'items', j], report);
      }
    }),
  );
  definition.demographics.forEach((demographic, i) => uniqueValues(demographic.options, ['demographics', i], report));
}

function unique(entries: readonly { id: string; path: Path }[], kind: string, report: Report): void {
  const first = new Map<string, Path>();
  for (const { id, path } of entries) {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, path);
    else report([...path, 'id'], `duplicate ${kind} '${id}' (first used at ${formatPath(earlier)})`);
  }
}

function uniqueValues(options: readonly { value: number }[], ownerPath: Path, report: Report): void {
  const seen = new Set<number>();
  options.forEach((option, k) => {
    if (seen.has(option.value)) {
      report([...ownerPath, 'options', k, 'value'], `duplicate option value ${option.value} (options need distinct values)`);
    }
    seen.add(option.value);
  });
}

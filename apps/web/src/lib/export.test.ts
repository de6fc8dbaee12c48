import { describe, expect, it } from 'vitest';
import { downloadPath, generalisationOf, initialOptions, mayExport, previewPath, qiOf, type AvailableQuasiIdentifier } from './export';

const available: AvailableQuasiIdentifier[] = [
  { name: 'unit', kind: 'unit', label: { en: 'Unit', nl: 'Afdeling' }, maxDepth: 2 },
  { name: 'age_band', kind: 'demographic', label: { en: 'Age', nl: 'Leeftijd' }, maxDepth: null },
  { name: 'gender', kind: 'demographic', label: { en: 'Gender', nl: 'Gender' }, maxDepth: null },
  { name: 'language', kind: 'language', label: { en: 'Language', nl: 'Taal' }, maxDepth: null },
];

describe('export options as the qi option', () => {
  it('starts from everything, the unit as deep as the tree goes', () => {
    expect(qiOf(initialOptions(available), available)).toBe('unit:2,age_band,gender,language');
  });

  it('writes the chosen depth, leaves out what is not kept, in the order the API offers', () => {
    expect(qiOf({ unitDepth: 1, keep: { language: true, age_band: false, gender: true } }, available)).toBe('unit:1,gender,language');
    expect(qiOf({ unitDepth: 0, keep: {} }, available)).toBe('unit:0');
  });

  it('is empty (which the API reads as none, not all) when nothing is kept', () => {
    const qi = qiOf({ unitDepth: null, keep: { age_band: false, gender: false, language: false } }, available);
    expect(qi).toBe('');
    expect(previewPath('m 1', qi)).toBe('/api/v1/measurements/m%201/export/preview?qi=');
    expect(downloadPath('m1', qi)).toBe('/api/v1/measurements/m1/export?qi=');
    expect(previewPath('m1')).toBe('/api/v1/measurements/m1/export/preview');
    expect(downloadPath('m1', 'unit:1,gender')).toBe('/api/v1/measurements/m1/export?qi=unit%3A1%2Cgender');
  });

  it('describes each level of a hierarchy', () => {
    expect(generalisationOf('unit', 0, 3)).toEqual({ key: 'export.level.unitDepth', values: { depth: 2 } });
    expect(generalisationOf('unit', 2, 3)).toEqual({ key: 'export.level.unitDepth', values: { depth: 0 } });
    expect(generalisationOf('unit', 3, 3).key).toBe('export.level.hidden');
    expect(generalisationOf('demographic', 0, 3).key).toBe('export.level.asAnswered');
    expect(generalisationOf('demographic', 2, 3)).toEqual({ key: 'export.level.bands', values: { size: 4 } });
    expect(generalisationOf('language', 1, 1).key).toBe('export.level.hidden');
  });

  it('is for researchers and organisation administrators only', () => {
    expect(mayExport(['researcher'])).toBe(true);
    expect(mayExport(['analyst', 'org_admin'])).toBe(true);
    expect(mayExport(['analyst', 'unit_viewer'])).toBe(false);
  });
});

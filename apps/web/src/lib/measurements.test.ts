import { describe, expect, it } from 'vitest';
import { checkMeasurement, linksCsv, linksFileName, localDay, orderUnits, publishedVersions, type MeasurementDraft } from './measurements';

const draft: MeasurementDraft = {
  title: 'Social safety 2025',
  questionnaire: 'social-safety@1.0.0',
  languages: ['nl', 'en'],
  k: 5,
  kSensitive: 10,
  opensAt: '2025-03-01',
  closesAt: '2025-03-15',
};

describe('checkMeasurement', () => {
  it('accepts the defaults', () => {
    expect(checkMeasurement(draft, '2025-03-01')).toEqual({});
  });

  it('keeps k within 5..50 and whole', () => {
    expect(checkMeasurement({ ...draft, k: 4 }, '2025-03-01')).toEqual({ k: 'kRange' });
    expect(checkMeasurement({ ...draft, k: 51, kSensitive: 60 }, '2025-03-01')).toEqual({ k: 'kRange' });
    expect(checkMeasurement({ ...draft, k: 5.5 }, '2025-03-01')).toEqual({ k: 'kRange' });
    expect(checkMeasurement({ ...draft, k: null }, '2025-03-01')).toEqual({ k: 'kRange' });
    expect(checkMeasurement({ ...draft, k: 50, kSensitive: 50 }, '2025-03-01')).toEqual({});
  });

  it('never lets the sensitive threshold fall below k', () => {
    expect(checkMeasurement({ ...draft, k: 12, kSensitive: 10 }, '2025-03-01')).toEqual({ kSensitive: 'kSensitiveBelowK' });
    expect(checkMeasurement({ ...draft, k: 12, kSensitive: 12 }, '2025-03-01')).toEqual({});
    expect(checkMeasurement({ ...draft, kSensitive: 101 }, '2025-03-01')).toEqual({ kSensitive: 'kSensitiveRange' });
    expect(checkMeasurement({ ...draft, kSensitive: null }, '2025-03-01')).toEqual({ kSensitive: 'kSensitiveRange' });
  });

  it('names every other missing or wrong field', () => {
    expect(
      checkMeasurement({ ...draft, title: '  ', questionnaire: '', languages: [], opensAt: '', closesAt: '' }, '2025-03-01'),
    ).toEqual({
      title: 'titleRequired',
      questionnaire: 'questionnaireRequired',
      languages: 'languagesRequired',
      opensAt: 'opensAtRequired',
      closesAt: 'closesAtRequired',
    });
    expect(checkMeasurement({ ...draft, closesAt: '2025-03-01' }, '2025-03-01')).toEqual({ closesAt: 'closesBeforeOpens' });
    expect(checkMeasurement({ ...draft, opensAt: '2025-01-01', closesAt: '2025-02-01' }, '2025-03-01')).toEqual({
      closesAt: 'closesInPast',
    });
  });
});

describe('linksCsv', () => {
  it('writes the mail-merge file the API writes: BOM, header, CRLF, quoting and formula guard', () => {
    const csv = linksCsv({
      unit: { id: 'u1', code: '=HR', name: 'Human "People", Resources' },
      links: ['https://survey.example/s/abc', 'https://survey.example/s/def'],
    });
    expect(csv).toBe(
      '\uFEFFunit_code,unit_name,link\r\n' +
        "'=HR,\"Human \"\"People\"\", Resources\",https://survey.example/s/abc\r\n" +
        "'=HR,\"Human \"\"People\"\", Resources\",https://survey.example/s/def\r\n",
    );
  });

  it('names the file after the unit and the day', () => {
    expect(linksFileName({ unit: { id: 'u1', code: 'HR/REC 1', name: 'x' }, createdOn: '2025-03-01' })).toBe('links-HR_REC_1-2025-03-01.csv');
  });
});

describe('orderUnits', () => {
  it('puts parents before their children, with depth', () => {
    const units = [
      { id: 'c', code: 'HR-REC', name: 'Recruitment', parentId: 'b' },
      { id: 'a', code: 'ACME', name: 'Acme', parentId: null },
      { id: 'b', code: 'HR', name: 'HR', parentId: 'a' },
      { id: 'd', code: 'OPS', name: 'Operations', parentId: 'a' },
    ];
    expect(orderUnits(units).map(({ unit, depth }) => `${depth}:${unit.code}`)).toEqual(['0:ACME', '1:HR', '2:HR-REC', '1:OPS']);
  });

  it('shows a unit whose parent is out of view (a unit viewer’s subtree) at the top', () => {
    expect(orderUnits([{ id: 'b', code: 'HR', name: 'HR', parentId: 'hidden' }]).map((r) => r.depth)).toEqual([0]);
  });
});

describe('publishedVersions and localDay', () => {
  it('offers published versions only', () => {
    const choices = publishedVersions({
      questionnaires: [
        {
          key: 'social-safety',
          versions: [
            { version: '1.1.0', status: 'draft', languages: ['nl'], title: { nl: 'x' }, estimatedMinutes: 10 },
            { version: '1.0.0', status: 'published', languages: ['nl', 'en'], title: { en: 'Social safety' }, estimatedMinutes: 10 },
            { version: '0.9.0', status: 'retired', languages: ['nl'], title: { nl: 'x' }, estimatedMinutes: 10 },
          ],
        },
      ],
    });
    expect(choices.map((c) => `${c.key}@${c.version}`)).toEqual(['social-safety@1.0.0']);
  });

  it('counts calendar days in local time', () => {
    expect(localDay(new Date(2025, 0, 25, 23, 30), 14)).toBe('2025-02-08');
  });
});

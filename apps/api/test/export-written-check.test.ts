import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportArchive } from '../src/services/export/archive';
import { writtenFileChecker } from '../src/services/export/written-check';

/*
 * The last line of defence: the check of data.csv as written. It must catch what the planner would get wrong, and an
 * export whose data fails it must never be completed.
 */

const requirement = { quasiIdentifiers: ['unit', 'age'], sensitive: ['harassed'], k: 3, l: 2 };

async function check(csv: string, chunk = 7) {
  const checker = writtenFileChecker(requirement);
  // In small pieces, as the zip stream hands them over: a record may be split anywhere.
  for (let i = 0; i < csv.length; i += chunk) checker.write(Buffer.from(csv.slice(i, i + chunk)));
  return checker.finish();
}

describe('the check of the written data.csv', () => {
  it('passes a file where every group has k rows and l different answers', async () => {
    const csv = 'unit,age,harassed,score\nA,1..2,1,5\nA,1..2,0,6\nA,1..2,,7\nB,*,0,1\nB,*,1,2\n"B",*,1,"3"\n';
    expect(await check(csv)).toMatchObject({ ok: true, rows: 6, classes: 2, smallestClass: 3, lowestDiversity: 2, problems: [] });
  });

  it('catches a group below k, a homogeneous group, and a group whose only answers agree', async () => {
    const csv = 'unit,age,harassed\nA,1,1\nA,1,0\nB,2,1\nB,2,1\nB,2,1\nC,3,0\nC,3,\nC,3,0\n';
    const result = await check(csv);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'class ["A","1"] has 2 rows, fewer than k = 3',
      'class ["B","2"]: harassed has 1 distinct answer(s), fewer than l = 2',
      'class ["C","3"]: harassed has 1 distinct answer(s), fewer than l = 2',
    ]);
  });

  it('lets a group where nobody answered pass, and reads quoted commas as part of a value', async () => {
    const csv = 'unit,age,harassed\n"A,B",1,\n"A,B",1,\n"A,B",1,\n';
    expect(await check(csv)).toMatchObject({ ok: true, classes: 1, lowestDiversity: null });
  });

  it('fails a file that lacks a column it must check, or has ragged rows', async () => {
    expect((await check('unit,harassed\nA,1\nA,0\nA,1\n')).problems).toContain('column age is missing from the header');
    expect((await check('unit,age,harassed\nA,1,1\nA,1,0,9\nA,1,1\nA,1,0\n')).problems).toContain('row 2 has 4 fields, the header 3');
  });

  it('cuts the zip off, without its disclosure report, when data.csv fails the check', async () => {
    const failures: Error[] = [];
    const archive = exportArchive({
      before: [{ name: 'codebook.md', content: '# codebook' }],
      header: ['unit', 'age', 'harassed'],
      rows: (async function* () {
        yield ['A', '1', '1'];
        yield ['A', '1', '1'];
      })(),
      checker: writtenFileChecker(requirement),
      after: () => [{ name: 'disclosure-report.json', content: '{}' }],
      mtime: new Date('2026-12-10T00:00:00Z'),
      onFailure: (error) => failures.push(error),
    });
    const chunks: Buffer[] = [];
    const outcome = await new Promise<string>((resolve) => {
      archive.on('data', (chunk: Buffer) => chunks.push(chunk));
      archive.on('error', (error) => resolve(error.message));
      archive.on('end', () => resolve('completed'));
    });
    expect(outcome).toMatch(/data.csv failed its anonymity check: class \["A","1"\] has 2 rows/);
    expect(failures).toHaveLength(1);
    const bytes = Buffer.concat(chunks);
    expect(bytes.includes(Buffer.from('disclosure-report.json'))).toBe(false);
    // No end-of-central-directory record: no zip tool opens it as a complete archive.
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
  });

  it('completes the zip when data.csv passes', async () => {
    const archive = exportArchive({
      before: [],
      header: ['unit', 'age', 'harassed'],
      rows: Readable.from([['A', '1', '1'], ['A', '1', '0'], ['A', '1', '1']]),
      checker: writtenFileChecker(requirement),
      after: (result) => [{ name: 'disclosure-report.json', content: JSON.stringify(result) }],
      mtime: new Date('2026-12-10T00:00:00Z'),
      onFailure: () => {},
    });
    const chunks: Buffer[] = [];
    for await (const chunk of archive) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.includes(Buffer.from('disclosure-report.json'))).toBe(true);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(true);
  });
});

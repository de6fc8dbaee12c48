import { parse } from 'csv-parse';

/*
 * Reads data.csv back, byte for byte as it goes into the zip, and checks k-anonymity and distinct l-diversity on what
 * it finds. Shares nothing with the code that decided the anonymisation or wrote the rows (it imports neither): it
 * knows only the column names and k and l, parses the CSV with another library, and groups rows by the text of their
 * quasi-identifier fields. If the two ever disagree, the export is aborted instead of delivered.
 */

export interface WrittenFileRequirement {
  readonly quasiIdentifiers: readonly string[];
  readonly sensitive: readonly string[];
  readonly k: number;
  readonly l: number;
}

export interface WrittenFileCheck {
  readonly ok: boolean;
  readonly rows: number;
  readonly classes: number;
  readonly smallestClass: number | null;
  /** Fewest distinct answers of any sensitive variable in any class that has answers; null if none has. */
  readonly lowestDiversity: number | null;
  /** Classes below k, classes with too few distinct answers, and structural problems (missing columns, ragged rows). */
  readonly problems: readonly string[];
}

interface ClassTally {
  size: number;
  /** Per sensitive variable: the distinct non-empty answers seen, up to l. */
  answers: string[][];
}

export function writtenFileChecker(requirement: WrittenFileRequirement) {
  const parser = parse({ bom: true, relax_column_count: true });
  const classes = new Map<string, ClassTally>();
  const problems: string[] = [];
  let header: string[] | null = null;
  let qiAt: number[] = [];
  let sensitiveAt: number[] = [];
  let rows = 0;

  parser.on('data', (record: string[]) => {
    if (header === null) {
      header = record;
      const positions = (names: readonly string[]) => names.map((name) => record.indexOf(name));
      qiAt = positions(requirement.quasiIdentifiers);
      sensitiveAt = positions(requirement.sensitive);
      [...requirement.quasiIdentifiers, ...requirement.sensitive].forEach((name, i) => {
        if ([...qiAt, ...sensitiveAt][i] === -1) problems.push(`column ${name} is missing from the header`);
      });
      return;
    }
    rows += 1;
    if (record.length !== header.length) {
      problems.push(`row ${rows} has ${record.length} fields, the header ${header.length}`);
      return;
    }
    const key = JSON.stringify(qiAt.map((i) => record[i] ?? ''));
    let tally = classes.get(key);
    if (tally === undefined) classes.set(key, (tally = { size: 0, answers: requirement.sensitive.map(() => []) }));
    tally.size += 1;
    sensitiveAt.forEach((at, v) => {
      const value = record[at] ?? '';
      const seen = tally.answers[v]!;
      if (value !== '' && seen.length < requirement.l && !seen.includes(value)) seen.push(value);
    });
  });

  const done = new Promise<WrittenFileCheck>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('end', () => {
      if (header === null) problems.push('data.csv has no header');
      let smallestClass: number | null = null;
      let lowestDiversity: number | null = null;
      for (const [key, tally] of classes) {
        smallestClass = smallestClass === null ? tally.size : Math.min(smallestClass, tally.size);
        if (tally.size < requirement.k) problems.push(`class ${key} has ${tally.size} rows, fewer than k = ${requirement.k}`);
        tally.answers.forEach((seen, v) => {
          if (seen.length === 0) return;
          lowestDiversity = lowestDiversity === null ? seen.length : Math.min(lowestDiversity, seen.length);
          if (seen.length < requirement.l) {
            problems.push(`class ${key}: ${requirement.sensitive[v]} has ${seen.length} distinct answer(s), fewer than l = ${requirement.l}`);
          }
        });
      }
      resolve({ ok: problems.length === 0, rows, classes: classes.size, smallestClass, lowestDiversity, problems: problems.slice(0, 20) });
    });
  });

  return {
    write(chunk: Buffer | string): void {
      parser.write(chunk);
    },
    /** Ends the input and gives the verdict. */
    finish(): Promise<WrittenFileCheck> {
      parser.end();
      return done;
    },
  };
}

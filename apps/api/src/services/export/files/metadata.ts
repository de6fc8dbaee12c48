/** What every file of an export says about where it comes from. */
export interface ExportMetadata {
  /** Lower-case slug for file and package names. */
  readonly packageName: string;
  readonly title: string;
  /** key@version */
  readonly questionnaire: string;
  /** First and last day people could answer: the finest dates the export holds. */
  readonly opensAt: string;
  readonly closesAt: string;
  /** The day of the export (no time of day). */
  readonly exportedOn: string;
  readonly k: number;
  readonly l: number;
  /** Languages of the questionnaire, the first being the one it was written in. */
  readonly languages: readonly string[];
}

export function slug(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return plain === '' ? 'measurement' : plain;
}

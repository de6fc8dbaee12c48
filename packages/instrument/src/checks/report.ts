import type { Path } from '../issues';

/** Each check reports problems through this; validate.ts collects them. */
export type Report = (path: Path, message: string) => void;

/** "0 to 4" for a run of consecutive codes, else the list: for messages about answer codes. */
export function describeCodes(codes: readonly number[]): string {
  if (codes.length === 0) return 'no answers';
  const consecutive = codes.length > 2 && codes.every((code, i) => i === 0 || code === (codes[i - 1] ?? NaN) + 1);
  return consecutive ? `${codes[0]} to ${codes[codes.length - 1]}` : codes.join(', ');
}

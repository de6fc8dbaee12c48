/**
 * Links as CSV for a mail merge: `unit_code,unit_name,link`, UTF-8 with a byte-order mark (so that spreadsheet
 * programs read accents correctly), CRLF line ends (RFC 4180).
 */
export function linksCsv(rows: readonly { unitCode: string; unitName: string; link: string }[]): string {
  const lines = ['unit_code,unit_name,link', ...rows.map((r) => [r.unitCode, r.unitName, r.link].map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV field. Quoted when needed; a value that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return) gets a leading apostrophe, because unit names come from an imported file.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

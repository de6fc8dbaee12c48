/** Orders MAJOR.MINOR.PATCH versions numerically (1.10.0 after 1.9.0): negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function parseVersion(version: string): number[] {
  const parts = version.split('.').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isInteger(part) || part < 0)) {
    throw new Error(`compareVersions requires MAJOR.MINOR.PATCH versions, got '${version}'`);
  }
  return parts;
}

import { describe, expect, it } from 'vitest';
import { compareVersions } from './semver';

describe('compareVersions', () => {
  it('orders numerically per part', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.2.10', '1.2.9')).toBeGreaterThan(0);
  });

  it('rejects anything but MAJOR.MINOR.PATCH', () => {
    expect(() => compareVersions('1.0', '1.0.0')).toThrow("got '1.0'");
    expect(() => compareVersions('1.0.0', '1.0.0-beta')).toThrow("got '1.0.0-beta'");
  });
});

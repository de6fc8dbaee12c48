import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the closing line CI reads: `Tests: N passed, N failed, N skipped`.
 *
 * A test file that fails to load has no tests to count, so it counts as one failure: a broken import must never
 * look like a green run. Unhandled errors count the same way. When `TEST_SUMMARY_FILE` is set, the counts are also
 * appended there as one JSON line, so that .ci/run can add up several runs into one closing line.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let counted = 0;
      for (const test of module.children.allTests()) {
        counted += 1;
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (counted === 0 || (module.state() === 'failed' && module.errors().length > 0)) failed += 1;
    }
    const file = process.env.TEST_SUMMARY_FILE;
    if (file) appendFileSync(file, JSON.stringify({ passed, failed, skipped }) + '\n');
    // Printed after vitest's own summary so that it is the last line of the run.
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

import type { DemoProgress } from './load';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

const WIDTH = 30;

/**
 * Shows the loader's progress on a stream (stderr, so that stdout stays for results and logs): on a terminal one line
 * rewritten in place with \r; elsewhere (a log file, CI) a plain line at every tenth, so the output stays readable.
 */
export function progressReporter(output: ProgressOutput): { report(progress: DemoProgress): void; finish(): void } {
  let barShown = false;
  let lastTenth = -1;

  const endBar = () => {
    if (barShown) output.write('\n');
    barShown = false;
  };

  return {
    report(progress) {
      if (progress.kind === 'step') {
        endBar();
        lastTenth = -1;
        output.write(`${progress.message}\n`);
        return;
      }
      const share = progress.total === 0 ? 1 : progress.done / progress.total;
      const percent = Math.floor(share * 100);
      const counts = `${progress.done} / ${progress.total} responses`;
      if (output.isTTY) {
        // Redrawn for every batch (a few hundred responses): cheap, and the count is always the real one.
        const filled = Math.round(share * WIDTH);
        output.write(`\r  [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}%  ${counts}`);
        barShown = true;
        return;
      }
      // A log gets a line at every tenth.
      const tenth = Math.floor(percent / 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      output.write(`  ${percent}%  ${counts}\n`);
    },
    finish: endBar,
  };
}

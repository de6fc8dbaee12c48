import 'vitest-canvas-mock';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../testing/contexts';
import { apiError, stubFetch, type Call } from '../testing/fetch-stub';
import { heatmapFixture, overviewFixture } from '../testing/results-fixtures';
import Results from './Results.svelte';

let calls: Call[];
let stopRouter: (() => void) | undefined;

function setup(answer: Parameters<typeof stubFetch>[0]) {
  calls = stubFetch(answer);
  const app = appContext();
  stopRouter = app.router.listen();
  render(Results, { props: { id: 'm1', view: 'heatmap' }, context: app.context });
  return app;
}

describe('Results page', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/measurements/m1/results');
    // chart.js sizes its canvas through ResizeObserver, which jsdom lacks.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => {
    stopRouter?.();
    vi.unstubAllGlobals();
  });

  it('says that results come when the measurement closes', async () => {
    setup(() => apiError(409, 'RESULTS_NOT_AVAILABLE', 'The measurement is open'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Results are published when the measurement closes. This measurement is not closed yet.',
    );
  });

  it('explains a missing role instead of showing a bare "forbidden"', async () => {
    setup(() => apiError(403, 'FORBIDDEN'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no role that shows the results/);
  });

  it('shows the heatmap of where the viewer starts, and switches the figure through the address', async () => {
    const app = setup((_method, path) =>
      path.includes('/heatmap')
        ? { status: 200, body: heatmapFixture(new URL(path, 'http://x').searchParams.get('metric') as 'mean') }
        : { status: 200, body: overviewFixture() },
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Results: Social safety 2026');
    const tabs = screen.getByRole('navigation', { name: 'Results views' });
    expect(within(tabs).getByRole('link', { name: 'Heatmap' }).getAttribute('aria-current')).toBe('page');
    expect(within(tabs).getByRole('link', { name: 'Unit details' }).getAttribute('href')).toBe('/measurements/m1/results/units/org');
    await screen.findByRole('table', { name: 'Score from 0 to 100 per unit and topic' });
    expect(calls.at(-1)?.path).toBe('/api/v1/measurements/m1/results/heatmap?root=org&depth=1&metric=mean&lang=en');

    // Without a benchmark, "difference from benchmark" cannot be chosen, and says why.
    const benchmark = screen.getByRole('radio', { name: 'Difference from benchmark' });
    expect((benchmark as HTMLInputElement).disabled).toBe(true);
    expect(benchmark.getAttribute('aria-describedby')).toBeTruthy();

    await userEvent.click(screen.getByRole('radio', { name: 'Difference from organisation' }));
    expect(app.router.search).toBe('?metric=vsOrganisation');
    await screen.findByRole('table', { name: 'Difference from the organisation in points, per unit and topic' });
    expect(calls.at(-1)?.path).toContain('metric=vsOrganisation');

    // Drilling down is a link to the same page with another root.
    expect(screen.getByRole('link', { name: 'Show units under Care' }).getAttribute('href')).toBe(
      '/measurements/m1/results?root=care&metric=vsOrganisation',
    );
  });
});

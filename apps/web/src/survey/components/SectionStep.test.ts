import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubFetch, type Call } from '../../testing/fetch-stub';
import { surveyContext, surveyData } from '../lib/test-support';
import { SurveySession } from '../lib/survey-session.svelte';
import type { SurveyData } from '../lib/survey-api';
import SectionStep from './SectionStep.svelte';

let calls: Call[];
let data: SurveyData;

beforeEach(() => {
  localStorage.clear();
  data = surveyData();
  calls = stubFetch((method) => (method === 'PUT' ? { status: 200, body: { updatedAt: '2026-12-10T10:00:00.000Z' } } : { status: 200, body: data }));
});
/** Every session a test made, disposed after it: a save it had scheduled must not fire into the next test. */
const sessions: SurveySession[] = [];

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A personal link's session, loaded and on the section with this id. */
async function sectionOf(sectionId: string, user = userEvent.setup()) {
  const session = new SurveySession('token-for-tests');
  sessions.push(session);
  await session.load();
  const index = data.questionnaire.sections.findIndex((section) => section.id === sectionId);
  session.stepIndex = index + 1;
  render(SectionStep, { props: { session, index }, context: surveyContext('en') });
  return { session, user };
}

const experienced = /How often did someone at work behave towards you in a way you found unpleasant or unwanted/;

describe('SectionStep: conditional follow-ups', () => {
  it('asks who did it and whether it was reported only once the behaviour happened, and says so to screen readers', async () => {
    const { user } = await sectionOf('behaviour_experienced');
    expect(screen.queryByRole('group', { name: 'Who did this? Choose all that apply.' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');

    const frequency = screen.getByRole('radiogroup', { name: experienced });
    await user.click(within(frequency).getByRole('radio', { name: 'A few times' }));
    expect(screen.getByRole('group', { name: 'Who did this? Choose all that apply.' }).isConnected).toBe(true);
    expect(screen.getByRole('group', { name: /Did you report this or ask someone for help with it/ }).isConnected).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('2 follow-up questions were added below.');
    // Follow-ups sit right below the question they follow.
    const names = [...document.querySelectorAll('fieldset')].map((fieldset) => fieldset.id);
    expect(names.slice(0, 3)).toEqual(['q-ub_exp_general', 'q-ub_exp_general_source', 'q-ub_exp_general_reported']);
  });

  it('asks how a report was dealt with only when something was reported', async () => {
    const { user } = await sectionOf('behaviour_experienced');
    await user.click(within(screen.getByRole('radiogroup', { name: experienced })).getByRole('radio', { name: 'Once' }));
    const reported = screen.getByRole('group', { name: /Did you report this/ });
    await user.click(within(reported).getByRole('checkbox', { name: 'No, neither' }));
    expect(screen.queryByRole('radiogroup', { name: 'How was it dealt with after you reported it or asked for help?' })).toBeNull();

    await user.click(within(reported).getByRole('checkbox', { name: 'Yes, to the confidential adviser' }));
    expect(screen.getByRole('radiogroup', { name: 'How was it dealt with after you reported it or asked for help?' }).isConnected).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('A follow-up question was added below.');
    expect((within(reported).getByRole('checkbox', { name: 'No, neither' }) as HTMLInputElement).checked).toBe(false);
  });

  it('hides the follow-ups when the answer goes back to "never", and leaves their answers out of what is saved', async () => {
    // The clock stands still, so no save starts during the clicks: only the one of the page turn.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { session, user } = await sectionOf('behaviour_experienced', userEvent.setup({ delay: null }));
    const frequency = screen.getByRole('radiogroup', { name: experienced });
    await user.click(within(frequency).getByRole('radio', { name: 'Weekly or more often' }));
    await user.click(screen.getByRole('checkbox', { name: 'A colleague' }));
    await user.click(screen.getByRole('checkbox', { name: 'Yes, to HR' }));
    await user.click(screen.getByRole('radio', { name: 'It is still being dealt with' }));
    await user.click(within(frequency).getByRole('radio', { name: 'Never' }));

    expect(screen.queryByRole('group', { name: 'Who did this? Choose all that apply.' })).toBeNull();
    expect(screen.queryByRole('group', { name: /Did you report this/ })).toBeNull();
    // Moving on saves at once; the draft holds the frequency only.
    session.next();
    await vi.waitFor(() => expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1));
    expect(calls.map((call) => call.method)).toEqual(['GET', 'PUT']);
    const sent = JSON.parse(calls.find((call) => call.method === 'PUT')!.body!) as { answers: Record<string, unknown> };
    expect(sent.answers).toEqual({ ub_exp_general: 0 });
    expect(sent).toEqual({ language: 'en', answers: { ub_exp_general: 0 }, demographics: {} });
  });

  it('brings the earlier follow-up answers back when the answer changes again, in this visit', async () => {
    const { user } = await sectionOf('behaviour_experienced');
    const frequency = screen.getByRole('radiogroup', { name: experienced });
    await user.click(within(frequency).getByRole('radio', { name: 'Monthly' }));
    await user.click(screen.getByRole('checkbox', { name: 'Someone else' }));
    await user.click(within(frequency).getByRole('radio', { name: 'Never' }));
    await user.click(within(frequency).getByRole('radio', { name: 'Monthly' }));
    expect((screen.getByRole('checkbox', { name: 'Someone else' }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('SectionStep: required questions', () => {
  it('stays on the section, lists the unanswered required question, ties the message to it and focuses the list', async () => {
    const first = data.questionnaire.sections[0]!.items[0]!;
    first.required = true;
    const { session, user } = await sectionOf('team');
    const group = screen.getByRole('radiogroup', { name: /In my team, I can raise a problem/ });
    expect(group.querySelector('legend')?.textContent).toContain('(required)');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(session.stepIndex).toBe(1);
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe(first.text);
    await vi.waitFor(() => expect(document.activeElement).toBe(summary));
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(within(group).getByText('Answer this question to continue.').isConnected).toBe(true);

    await user.click(within(summary).getByRole('link'));
    expect(document.activeElement).toBe(within(group).getAllByRole('radio')[0]);
    await user.click(within(group).getByRole('radio', { name: 'Agree' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(session.stepIndex).toBe(2);
  });
});

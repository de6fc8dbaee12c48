import { localise, socialSafety_1_0_0, type AnswerValue } from '@socialsafety/instrument';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { QItem } from '../lib/questionnaire';
import { builtinItem, surveyContext } from '../lib/test-support';
import QuestionField from './QuestionField.svelte';

const questionnaire = localise(socialSafety_1_0_0, 'en');

function setup(item: QItem, value?: AnswerValue, error?: string) {
  const onanswer = vi.fn<(value: AnswerValue | undefined) => void>();
  const user = userEvent.setup();
  const view = render(QuestionField, { props: { questionnaire, item, value, error, onanswer }, context: surveyContext('en') });
  return { user, onanswer, ...view };
}

describe('QuestionField', () => {
  it('asks an agreement statement as a radio group named by its legend, with five options and no "don\'t know"', async () => {
    const { user, onanswer } = setup(builtinItem('ps_raise_problems'));
    const group = screen.getByRole('radiogroup', { name: 'In my team, I can raise a problem without worrying about how others will react.' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
    expect(within(group).queryByRole('radio', { name: /Don’t know/ })).toBeNull();
    await user.click(within(group).getByRole('radio', { name: 'Agree' }));
    expect(onanswer).toHaveBeenLastCalledWith(4);
  });

  it('offers "don\'t know" where the questionnaire allows it, and sends it as { dontKnow: true }', async () => {
    const { user, onanswer } = setup(builtinItem('el_honest'));
    await user.click(screen.getByRole('radio', { name: 'Don’t know / not applicable' }));
    expect(onanswer).toHaveBeenLastCalledWith({ dontKnow: true });
  });

  it('shows a given answer, "don\'t know" included, as the checked option', () => {
    setup(builtinItem('el_honest'), { dontKnow: true });
    expect((screen.getByRole('radio', { name: 'Don’t know / not applicable' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Agree' }) as HTMLInputElement).checked).toBe(false);
  });

  it('asks the 0-10 grade as eleven numbered radios whose names carry the meaning of the ends', async () => {
    const { user, onanswer } = setup(builtinItem('oc_safety_grade'));
    const group = screen.getByRole('radiogroup', { name: /how would you rate social safety at your work/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(11);
    expect(within(group).getByRole('radio', { name: '0 – very unsafe' }).isConnected).toBe(true);
    expect(within(group).getByRole('radio', { name: '10 – very safe' }).isConnected).toBe(true);
    await user.click(within(group).getByRole('radio', { name: '7' }));
    expect(onanswer).toHaveBeenLastCalledWith(7);
  });

  it('asks a single-choice follow-up as a radio group', async () => {
    const { user, onanswer } = setup(builtinItem('ub_exp_general_handling'));
    await user.click(screen.getByRole('radio', { name: 'Partly well' }));
    expect(onanswer).toHaveBeenLastCalledWith(2);
  });

  it('asks a multiple-choice follow-up as checkboxes in a named group', async () => {
    const { user, onanswer } = setup(builtinItem('ub_exp_general_source'), [1]);
    const group = screen.getByRole('group', { name: 'Who did this? Choose all that apply.' });
    expect((within(group).getByRole('checkbox', { name: 'A colleague' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(group).getByRole('checkbox', { name: 'My direct manager' }));
    expect(onanswer).toHaveBeenLastCalledWith([1, 2]);
  });

  it('clears the other options when the exclusive one ("No, neither") is ticked, and clears it when another is', async () => {
    const item = builtinItem('ub_exp_general_reported');
    const first = setup(item, [1, 3]);
    await first.user.click(screen.getByRole('checkbox', { name: 'No, neither' }));
    expect(first.onanswer).toHaveBeenLastCalledWith([0]);
    first.unmount();

    const second = setup(item, [0]);
    await second.user.click(screen.getByRole('checkbox', { name: 'Yes, to HR' }));
    expect(second.onanswer).toHaveBeenLastCalledWith([3]);
  });

  it('turns unticking the last option into no answer at all', async () => {
    const { user, onanswer } = setup(builtinItem('ub_exp_general_source'), [4]);
    await user.click(screen.getByRole('checkbox', { name: 'Someone I manage' }));
    expect(onanswer).toHaveBeenLastCalledWith(undefined);
  });

  it('asks free text in a labelled box limited to the questionnaire\'s length, counting characters', async () => {
    const { user, onanswer, rerender } = setup(builtinItem('oc_suggestions'));
    const box = screen.getByRole('textbox', { name: /Is there anything else you would like to say/ });
    expect(box.getAttribute('maxlength')).toBe('2000');
    await user.type(box, 'More time');
    expect(onanswer).toHaveBeenLastCalledWith('More time');
    await rerender({ value: 'More time' });
    expect(screen.getByText('9 of 2000 characters').isConnected).toBe(true);
    expect(box.getAttribute('aria-describedby')?.split(' ')).toContain('q-oc_suggestions-count');
    await user.clear(box);
    expect(onanswer).toHaveBeenLastCalledWith(undefined);
  });

  it('ties an error to its question: the group is invalid and described by the message', () => {
    setup(builtinItem('ps_raise_problems'), undefined, 'Answer this question to continue.');
    const group = screen.getByRole('radiogroup');
    expect(group.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Answer this question to continue.');
    expect(group.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
  });

  it('marks follow-up questions, so that they read as belonging to the answer above', () => {
    setup(builtinItem('ub_exp_general_source'));
    expect(screen.getByRole('group').classList).toContain('follow-up');
  });
});

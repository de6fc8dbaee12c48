import { describe } from 'vitest';
import { removeAt, setAt } from './test-support/definition-fixture';
import { checkCases } from './test-support/validation-cases';

describe('behaviour tags and follow-ups', () => {
  checkCases([
    {
      name: 'behaviour item not marked sensitive',
      change: (d) => setAt(d, 'sections[1].items[0].sensitive', false),
      issues: [{ path: 'sections[1].items[0].sensitive', message: 'behaviour items must be marked sensitive (they fall under k_sensitive)' }],
    },
    {
      name: 'behaviour tag on a likert item',
      change: (d) => setAt(d, 'sections[0].items[0].behaviour', { category: 'general', mode: 'witnessed' }),
      issues: [
        { path: 'sections[0].items[0].behaviour', message: 'behaviour tags belong on frequency items; this is a likert-5 item' },
        { path: 'sections[0].items[0].sensitive', message: 'behaviour items must be marked sensitive (they fall under k_sensitive)' },
        { path: 'scales[0].sensitive', message: "scale holds sensitive item 'q1', so the scale must be marked sensitive too" },
      ],
    },
    {
      name: 'two items for the same category and mode',
      change: (d) => {
        const items = (d.sections as { items: unknown[] }[])[1]?.items ?? [];
        items.push({ ...(structuredClone(items[0]) as object), id: 'b2' });
      },
      issues: [{ path: 'sections[1].items[4].behaviour', message: "another item already measures sexual behaviour (experienced): 'b1'" }],
    },
    {
      name: 'follow-up of an item that is not a behaviour item',
      change: (d) => setAt(d, 'sections[1].items[1].followUp.of', 'q1'),
      issues: [
        { path: 'sections[1].items[1].followUp.of', message: "follow-up refers to item 'q1', which is not a behaviour item (it has no behaviour tag)" },
      ],
    },
    {
      name: 'follow-up of an unknown item',
      change: (d) => setAt(d, 'sections[1].items[2].followUp.of', 'b7'),
      issues: [{ path: 'sections[1].items[2].followUp.of', message: "follow-up refers to unknown item 'b7'" }],
    },
    {
      name: 'follow-up placed before its behaviour item',
      change: (d) => {
        const behaviourSection = (d.sections as { items: unknown[] }[])[1];
        const first = behaviourSection?.items.shift();
        behaviourSection?.items.push({ ...(first as object), id: 'b0' });
        setAt(d, 'sections[1].items[0].followUp.of', 'b0');
        removeAt(d, 'sections[1].items[0].condition');
        removeAt(d, 'sections[1].items[1].condition');
        setAt(d, 'sections[1].items[1].followUp.of', 'b0');
        setAt(d, 'sections[1].items[2].followUp.of', 'b0');
        setAt(d, 'scales[1].itemIds', ['b0']);
      },
      issues: [
        {
          path: 'sections[1].items[0].followUp.of',
          message: "follow-up refers to item 'b0' which does not come earlier (a follow-up comes after its behaviour item)",
        },
        {
          path: 'sections[1].items[1].followUp.of',
          message: "follow-up refers to item 'b0' which does not come earlier (a follow-up comes after its behaviour item)",
        },
        {
          path: 'sections[1].items[2].followUp.of',
          message: "follow-up refers to item 'b0' which does not come earlier (a follow-up comes after its behaviour item)",
        },
      ],
    },
    {
      name: 'two follow-ups with the same role',
      change: (d) => {
        const items = (d.sections as { items: unknown[] }[])[1]?.items ?? [];
        items.push({ ...(structuredClone(items[3]) as object), id: 'b1_handling_again' });
      },
      issues: [{ path: 'sections[1].items[4].followUp.role', message: "item 'b1' already has a handling follow-up: 'b1_handling'" }],
    },
    {
      name: 'source option without a source tag',
      change: (d) => removeAt(d, 'sections[1].items[1].options[1].source'),
      issues: [{ path: 'sections[1].items[1].options[1]', message: "every option of a source follow-up needs a 'source' tag" }],
    },
    {
      name: 'option tag on an item that is not a follow-up',
      change: (d) => {
        removeAt(d, 'sections[1].items[3].followUp');
        setAt(d, 'sections[1].items[3].sensitive', false);
      },
      issues: [
        { path: 'sections[1].items[3].options[0].handling', message: "'handling' tags belong on options of a handling follow-up only" },
        { path: 'sections[1].items[3].options[1].handling', message: "'handling' tags belong on options of a handling follow-up only" },
      ],
    },
    {
      name: 'follow-up not marked sensitive',
      change: (d) => setAt(d, 'sections[1].items[1].sensitive', false),
      issues: [{ path: 'sections[1].items[1].sensitive', message: 'follow-ups of behaviour items must be marked sensitive (they fall under k_sensitive)' }],
    },
  ]);
});

describe('demographics', () => {
  checkCases([
    {
      name: 'no "prefer not to say"',
      change: (d) => removeAt(d, 'demographics[0].options[2]'),
      issues: [{ path: 'demographics[0].options', message: 'every demographic question needs a "prefer not to say" option' }],
    },
    {
      name: 'two "prefer not to say" options',
      change: (d) => setAt(d, 'demographics[0].options[1].preferNotToSay', true),
      issues: [{ path: 'demographics[0].options[2].preferNotToSay', message: 'only one option can be "prefer not to say"' }],
    },
  ]);
});


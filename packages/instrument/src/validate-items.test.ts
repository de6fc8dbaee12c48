import { describe } from 'vitest';
import { setAt } from './test-support/definition-fixture';
import { checkCases } from './test-support/validation-cases';

describe('conditions', () => {
  checkCases([
    {
      name: 'condition on a later item',
      change: (d) => setAt(d, 'sections[0].items[0].condition', { itemId: 'b1', anyOf: [1] }),
      issues: [
        {
          path: 'sections[0].items[0].condition.itemId',
          message: "condition refers to item 'b1' which comes later (conditions may only refer to earlier items)",
        },
      ],
    },
    {
      name: 'condition on the item itself',
      change: (d) => setAt(d, 'sections[0].items[1].condition', { itemId: 'q2', anyOf: [1] }),
      issues: [
        {
          path: 'sections[0].items[1].condition.itemId',
          message: 'condition refers to the item itself (conditions may only refer to earlier items)',
        },
      ],
    },
    {
      name: 'condition on an unknown item',
      change: (d) => setAt(d, 'sections[1].items[1].condition.itemId', 'b9'),
      issues: [{ path: 'sections[1].items[1].condition.itemId', message: "condition refers to unknown item 'b9'" }],
    },
    {
      name: 'condition on an answer the item does not have',
      change: (d) => setAt(d, 'sections[1].items[1].condition.anyOf', [1, 7]),
      issues: [
        {
          path: 'sections[1].items[1].condition.anyOf[1]',
          message: "condition refers to answer 7, which item 'b1' does not have (its answers are 0 to 4)",
        },
      ],
    },
    {
      name: 'condition on a multiple-choice option that does not exist',
      change: (d) => setAt(d, 'sections[1].items[3].condition.anyOf', [5]),
      issues: [
        {
          path: 'sections[1].items[3].condition.anyOf[0]',
          message: "condition refers to answer 5, which item 'b1_reported' does not have (its answers are 0 to 2)",
        },
      ],
    },
    {
      name: 'condition on a free-text item',
      change: (d) => setAt(d, 'sections[1].items[1].condition', { itemId: 'comment', anyOf: [1] }),
      issues: [
        {
          path: 'sections[1].items[1].condition.itemId',
          message: "condition refers to free-text item 'comment' (conditions need an item with fixed answers)",
        },
      ],
    },
  ]);
});

describe('reverse keys and item options', () => {
  checkCases([
    {
      name: 'reverse key on a free-text item',
      change: (d) => setAt(d, 'sections[0].items[3].reverse', true),
      issues: [
        {
          path: 'sections[0].items[3].reverse',
          message: 'reverse keying only applies to likert-5, frequency and rating-0-10 items; this is a free-text item',
        },
      ],
    },
    {
      name: 'reverse key on a choice item',
      change: (d) => setAt(d, 'sections[1].items[3].reverse', true),
      issues: [
        {
          path: 'sections[1].items[3].reverse',
          message: 'reverse keying only applies to likert-5, frequency and rating-0-10 items; this is a single-choice item',
        },
      ],
    },
    {
      name: 'reverse key on a scaled item that is in no scale',
      change: (d) => setAt(d, 'scales[0].itemIds', ['q1', 'q3']),
      issues: [{ path: 'sections[0].items[1].reverse', message: "reverse keying needs the item to be part of a scale; 'q2' is in no scale" }],
    },
    {
      name: "don't know on free text",
      change: (d) => setAt(d, 'sections[0].items[3].allowDontKnow', true),
      issues: [
        { path: 'sections[0].items[3].allowDontKnow', message: `"don't know" is not offered on free-text items (leaving it empty says the same)` },
      ],
    },
    {
      name: 'exclusive option in a single-choice item',
      change: (d) => setAt(d, 'sections[1].items[3].options[1].exclusive', true),
      issues: [{ path: 'sections[1].items[3].options[1].exclusive', message: 'exclusive options only apply to multiple-choice items' }],
    },
    {
      name: 'multiple choice with only exclusive options',
      change: (d) => {
        setAt(d, 'sections[1].items[1].options[0].exclusive', true);
        setAt(d, 'sections[1].items[1].options[1].exclusive', true);
      },
      issues: [{ path: 'sections[1].items[1].options', message: 'a multiple-choice item needs at least one option that is not exclusive' }],
    },
    {
      name: 'unknown response scale',
      change: (d) => setAt(d, 'sections[0].items[2].responseScaleId', 'agreement'),
      issues: [{ path: 'sections[0].items[2].responseScaleId', message: "unknown response scale 'agreement'" }],
    },
    {
      name: 'likert-5 item on the frequency scale',
      change: (d) => setAt(d, 'sections[0].items[0].responseScaleId', 'freq'),
      issues: [
        {
          path: 'sections[0].items[0].responseScaleId',
          message: "a likert-5 item needs a response scale with the codes 1 to 5; 'freq' has 0 to 4",
        },
        {
          path: 'scales[0].itemIds[1]',
          message: "item 'q2' uses response scale 'agree' but 'q1' uses 'freq' (items of a scale share one response scale)",
        },
        {
          path: 'scales[0].itemIds[2]',
          message: "item 'q3' uses response scale 'agree' but 'q1' uses 'freq' (items of a scale share one response scale)",
        },
      ],
    },
    {
      name: 'frequency item on the agreement scale (codes must start at 0)',
      change: (d) => setAt(d, 'sections[1].items[0].responseScaleId', 'agree'),
      issues: [
        {
          path: 'sections[1].items[0].responseScaleId',
          message: "a frequency item needs a response scale with consecutive codes from 0 (at least three); 'agree' has 1 to 5",
        },
      ],
    },
  ]);
});

describe('scales', () => {
  checkCases([
    {
      name: 'scale refers to an unknown item',
      change: (d) => setAt(d, 'scales[0].itemIds[2]', 'q4'),
      issues: [{ path: 'scales[0].itemIds[2]', message: "scale refers to unknown item 'q4'" }],
    },
    {
      name: 'scale holds a free-text item',
      change: (d) => setAt(d, 'scales[0].itemIds[2]', 'comment'),
      issues: [{ path: 'scales[0].itemIds[2]', message: "item 'comment' is a free-text item; scales hold likert-5, frequency or rating-0-10 items" }],
    },
    {
      name: 'item listed twice in one scale',
      change: (d) => setAt(d, 'scales[0].itemIds', ['q1', 'q2', 'q3', 'q1']),
      issues: [{ path: 'scales[0].itemIds[3]', message: "item 'q1' is listed twice in this scale" }],
    },
    {
      name: 'item in two scales',
      change: (d) => setAt(d, 'scales[1].itemIds', ['b1', 'q3']),
      issues: [
        { path: 'scales[1].itemIds[1]', message: "item 'q3' already belongs to scale 'climate' (an item belongs to one scale at most)" },
        { path: 'scales[1].itemIds[1]', message: "item 'q3' uses response scale 'agree' but 'b1' uses 'freq' (items of a scale share one response scale)" },
        { path: 'scales[1].itemIds[1]', message: "prevalence scoring needs frequency items; 'q3' is a likert-5 item" },
      ],
    },
    {
      name: 'unordered risk-band cut-offs',
      change: (d) => setAt(d, 'scales[0].riskBands', { low: 70, high: 50 }),
      issues: [{ path: 'scales[0].riskBands', message: 'risk-band cut-offs must be ordered: low (70) must be below high (50)' }],
    },
    {
      name: 'equal risk-band cut-offs (amber would be empty)',
      change: (d) => setAt(d, 'scales[0].riskBands', { low: 60, high: 60 }),
      issues: [{ path: 'scales[0].riskBands', message: 'risk-band cut-offs must be ordered: low (60) must be below high (60)' }],
    },
    {
      name: 'cut-off outside 0-100',
      change: (d) => setAt(d, 'scales[0].riskBands.high', 120),
      issues: [{ path: 'scales[0].riskBands.high', message: 'Too big: expected number to be <=100' }],
    },
    {
      name: 'trend link to a version that is not earlier',
      change: (d) => setAt(d, 'scales[0].comparableTo.version', '2.0.0'),
      issues: [
        { path: 'scales[0].comparableTo.version', message: 'comparableTo refers to version 2.0.0, which is not earlier than this version 2.0.0' },
      ],
    },
    {
      name: 'trend link compares versions numerically, not as text',
      change: (d) => {
        setAt(d, 'version', '1.9.0');
        setAt(d, 'scales[0].comparableTo.version', '1.10.0');
      },
      issues: [
        { path: 'scales[0].comparableTo.version', message: 'comparableTo refers to version 1.10.0, which is not earlier than this version 1.9.0' },
      ],
    },
    {
      name: 'sensitive item in a scale not marked sensitive',
      change: (d) => setAt(d, 'scales[1].sensitive', false),
      issues: [{ path: 'scales[1].sensitive', message: "scale holds sensitive item 'b1', so the scale must be marked sensitive too" }],
    },
    {
      name: 'reverse key in a prevalence scale',
      change: (d) => setAt(d, 'sections[1].items[0].reverse', true),
      issues: [{ path: 'scales[1].itemIds[0]', message: "item 'b1' is reverse-keyed, which prevalence scales do not use" }],
    },
  ]);
});


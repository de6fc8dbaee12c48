import { describe, expect, it } from 'vitest';
import { behaviourItems, sourceSide } from './behaviour';
import { socialSafety_1_0_0 } from './builtin/social-safety-1.0.0';
import { SOURCE_KINDS } from './schema';

describe('behaviourItems', () => {
  const items = behaviourItems(socialSafety_1_0_0);

  it('lists the 7 categories as experienced and as witnessed', () => {
    expect(items).toHaveLength(14);
    expect(items.filter((b) => b.mode === 'experienced').map((b) => b.category)).toEqual([
      'general',
      'discriminatory',
      'bullying-threatening',
      'sexual',
      'intimidating-aggressive-violent',
      'abuse-of-power',
      'persisting-after-named',
    ]);
  });

  it('links each behaviour item to its follow-ups and scale', () => {
    const sexual = items.find((b) => b.category === 'sexual' && b.mode === 'experienced');
    expect(sexual?.item.id).toBe('ub_exp_sexual');
    expect(sexual?.scale?.id).toBe('behaviour_experienced');
    expect(sexual?.followUps.source?.id).toBe('ub_exp_sexual_source');
    expect(sexual?.followUps.reported?.id).toBe('ub_exp_sexual_reported');
    expect(sexual?.followUps.handling?.id).toBe('ub_exp_sexual_handling');
    const witnessed = items.find((b) => b.category === 'sexual' && b.mode === 'witnessed');
    expect(Object.keys(witnessed?.followUps ?? {}).sort()).toEqual(['handling', 'reported']);
  });

  it('tags every source option so that prevalence can be split by source', () => {
    for (const entry of items.filter((b) => b.mode === 'experienced')) {
      expect(entry.followUps.source?.options.map((o) => o.source)).toEqual([...SOURCE_KINDS]);
    }
  });
});

describe('sourceSide', () => {
  it('splits sources into internal and external as NEA does', () => {
    expect(SOURCE_KINDS.map((kind) => [kind, sourceSide(kind)])).toEqual([
      ['colleague', 'internal'],
      ['direct-manager', 'internal'],
      ['higher-management', 'internal'],
      ['subordinate', 'internal'],
      ['external', 'external'],
      ['other', 'unknown'],
    ]);
  });
});

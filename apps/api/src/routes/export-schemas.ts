import { z } from 'zod';

/** Request and response shapes of the research export. */

const name = '[a-z][a-z0-9_]{0,63}(?::[0-9]{1,2})?';

export const exportQuery = z.object({
  qi: z
    .string()
    .max(1000)
    .regex(new RegExp(`^(?:${name}(?:,${name})*)?$`), 'must be a comma-separated list of quasi-identifiers, such as unit:2,age_band,gender (empty for none)')
    .optional()
    .meta({
      description:
        'Quasi-identifiers to keep, comma-separated: `unit` (or `unit:<depth>` to cut the tree at that depth), the ids of the ' +
        'demographic questions the measurement asked, `language`. Absent: all of them; empty: none. Each is generalised ' +
        'and suppressed as far as k-anonymity and l-diversity need.',
    }),
});

const localised = z.record(z.string(), z.string());

export const exportPreview = z
  .object({
    measurementId: z.uuid(),
    k: z.number().int().meta({ description: 'Minimum size of every combination of quasi-identifier values: the measurement’s k_sensitive' }),
    l: z.number().int().meta({ description: 'Distinct answers of each sensitive variable every combination must hold' }),
    maxSuppressedShare: z.number(),
    sensitive: z.array(z.string()).meta({ description: 'The variables held to l-diversity' }),
    available: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['unit', 'demographic', 'language']),
        label: localised,
        maxDepth: z.number().int().nullable().meta({ description: 'For unit: the deepest level of the tree (unit:<0..maxDepth>)' }),
      }),
    ),
    selection: z.string().meta({ description: 'The quasi-identifiers this preview is for, as the qi option' }),
    recordsIn: z.number().int(),
    recordsReleased: z.number().int(),
    recordsSuppressed: z.number().int(),
    withinSuppressionLimit: z.boolean(),
    informationLoss: z.number().meta({ description: '0 = every value as answered, 1 = everything hidden (mean normalised certainty penalty)' }),
    classes: z.number().int(),
    smallestClass: z.number().int().nullable(),
    quasiIdentifiers: z.array(
      z.object({
        name: z.string(),
        level: z.number().int(),
        height: z.number().int(),
        generalisation: z.string().meta({ description: 'What the chosen level does' }),
        generalisedShare: z.number().nullable().meta({ description: 'Share of released rows whose value was generalised or hidden' }),
        distinctValues: z.number().int(),
      }),
    ),
    levels: z.record(z.string(), z.array(z.string())).meta({ description: 'Per chosen quasi-identifier: what each level of its hierarchy does' }),
  })
  .meta({ id: 'ExportPreview' });

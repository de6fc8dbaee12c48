import { z } from 'zod';

/** Schemas of measurements, links and participation: one definition per shape, named in the OpenAPI document. */

export const day = z.iso.date().meta({ description: 'A calendar day, YYYY-MM-DD, in the deployment time zone (TIME_ZONE)' });

export const measurementStatus = z.enum(['draft', 'open', 'closed']).meta({ id: 'MeasurementStatus' });

export const measurement = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    title: z.string(),
    questionnaire: z.object({ key: z.string(), version: z.string() }),
    languages: z.array(z.string()),
    demographics: z.array(z.string()).meta({ description: 'Ids of the demographic questions asked' }),
    k: z.number().int(),
    kSensitive: z.number().int(),
    status: measurementStatus,
    opensAt: day.meta({ description: 'First day people can answer' }),
    closesAt: day.meta({ description: 'Last day people can answer; the day after, the measurement is closed' }),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    unitsFrozen: z.boolean().meta({ description: 'The unit tree was copied (at open, or when the first links were made)' }),
  })
  .meta({ id: 'Measurement' });

const title = z.string().trim().min(1).max(200);
const languageList = z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as nl or en')).min(1).max(20);
const demographicList = z.array(z.string().min(1).max(64)).max(50);

export const newMeasurement = z
  .object({
    title,
    questionnaire: z.object({ key: z.string().min(1).max(100), version: z.string().min(1).max(40) }).meta({
      description: 'A published questionnaire version, e.g. { key: "social-safety", version: "1.0.0" }',
    }),
    languages: languageList.optional().meta({ description: 'Default: every language of the version' }),
    demographics: demographicList.optional().meta({ description: 'Ids of the version’s demographic questions to ask; default none' }),
    k: z.number().int().min(5).max(50).optional().meta({ description: 'Minimum group size, 5..50; default 5; locked at open' }),
    kSensitive: z
      .number()
      .int()
      .min(5)
      .max(100)
      .optional()
      .meta({ description: 'Minimum group size for sensitive figures, at least k; default 10 (or k when larger); locked at open' }),
    opensAt: day,
    closesAt: day,
  })
  .meta({ id: 'NewMeasurement' });

export const measurementPatch = newMeasurement.partial().meta({
  id: 'MeasurementPatch',
  description: 'Any part of NewMeasurement. While open, only title and closesAt may change; a closed measurement never changes.',
});

export const measurementParams = z.object({ id: z.uuid() });

export const measurementUnit = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), parentId: z.uuid().nullable() })
  .meta({ id: 'MeasurementUnit' });

export const unitCode = z.string().min(1).max(200).meta({ description: 'The unit’s code (the same in the live tree and in the frozen copy)' });
export const invitationKind = z.enum(['personal', 'open']).meta({ id: 'InvitationKind' });

export const newLinks = z
  .object({
    unitCode,
    kind: invitationKind.default('personal'),
    count: z.number().int().min(1).max(10_000).default(1).meta({ description: 'Personal links to make, 1..10,000 (an open link is always one)' }),
  })
  .meta({ id: 'NewLinks' });

export const links = z
  .object({
    measurementId: z.uuid(),
    unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    kind: invitationKind,
    createdOn: day,
    links: z.array(z.string()).meta({ description: 'Shown this once: only their SHA-256 is stored' }),
  })
  .meta({ id: 'Links' });

export const linkSummary = z
  .object({
    units: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        parentId: z.uuid().nullable(),
        invited: z.number().int().meta({ description: 'Personal links of this unit handed out and not withdrawn (used or not)' }),
        revoked: z.number().int(),
        openLink: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'LinkSummary' });

export const participation = z
  .object({
    measurementId: z.uuid(),
    status: measurementStatus,
    k: z.number().int(),
    units: z.array(
      z
        .object({
          id: z.uuid(),
          code: z.string(),
          name: z.string(),
          parentId: z.uuid().nullable(),
          invited: z.number().int().meta({ description: 'Personal links in the subtree, handed out and not withdrawn' }),
          openLink: z.boolean().meta({ description: 'An open link works somewhere in the subtree' }),
          responded: z
            .number()
            .int()
            .nullable()
            .meta({ description: 'Responses in the subtree; null = fewer than k, hidden to protect anonymity (identical for every hidden unit)' }),
          rate: z.number().int().nullable().meta({ description: 'Whole percent of invited; null when responded is hidden, nobody was invited, or an open link is in use' }),
        })
        .meta({ id: 'UnitParticipation' }),
    ),
  })
  .meta({ id: 'Participation' });

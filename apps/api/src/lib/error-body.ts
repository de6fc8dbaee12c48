import { z } from 'zod';

/** The one error shape every endpoint answers with. Referenced by every route's response schemas. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
      message: z.string().meta({ description: 'What went wrong, written for a person' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBody>;

import { z } from 'zod';
import { errorBody } from '../lib/error-body';

/** Shared pieces of route schemas: one definition per shape, named in the OpenAPI document. */

export const role = z.enum(['org_admin', 'analyst', 'unit_viewer', 'researcher']).meta({ id: 'Role' });

export const user = z
  .object({
    id: z.uuid(),
    email: z.string(),
    isPlatformAdmin: z.boolean(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const grant = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    userId: z.uuid(),
    email: z.string(),
    role,
    unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable().meta({ description: 'The subtree of a unit viewer' }),
    grantedBy: z.string().nullable().meta({ description: 'Email of who granted it' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Grant' });

export const organisation = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    unitCount: z.number().int(),
    myRoles: z.array(role).meta({ description: "The caller's own roles in this organisation" }),
  })
  .meta({ id: 'Organisation' });

export const organisationParams = z.object({ id: z.uuid() });

/** Errors every authenticated route can answer. */
export const authErrors = { 401: errorBody, 403: errorBody };
export const readErrors = { 400: errorBody, ...authErrors, 404: errorBody };
export const writeErrors = { ...readErrors, 409: errorBody, 422: errorBody };

/** OpenAPI security requirement of authenticated routes: the session cookie (with X-CSRF-Token on writes), or a token. */
export const security: { [scheme: string]: string[] }[] = [{ session: [] }, { apiToken: [] }];

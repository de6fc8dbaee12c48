import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access';
import { organisationParams, readErrors, security, writeErrors } from './schemas';

interface Node {
  id: string;
  code: string;
  name: string;
  children: Node[];
}

const unitNode: z.ZodType<Node> = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    get children() {
      return z.array(unitNode);
    },
  })
  .meta({ id: 'UnitNode' });

const flatUnit = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), parentId: z.uuid().nullable(), parentCode: z.string().nullable() })
  .meta({ id: 'FlatUnit' });

const unitInput = z
  .object({ code: z.string(), name: z.string(), parentCode: z.string().nullable().optional() })
  .meta({ id: 'UnitInput', description: 'One unit of a tree sent as JSON; parentCode empty or absent for a top-level unit' });

/** CSV and JSON trees of this size import in well under a second; leave room for long names. */
const BODY_LIMIT = 16 * 1_048_576;

/** Unit trees: whole-tree replacement from CSV or JSON, and the tree as nested or flat JSON. */
const units: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated: only this plugin's routes accept CSV bodies.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    done(null, body);
  });

  app.put(
    '/api/v1/organisations/:id/units',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: { action: 'units.write', organisationFrom: 'params.id' } },
      schema: {
        tags: ['organisations'],
        summary: 'Replace the unit tree (CSV or JSON), all or nothing',
        description:
          'Send `text/csv` (UTF-8, optional byte-order mark, header `code,name,parent_code` with `,` or `;`) or ' +
          '`application/json` (an array of UnitInput). The whole tree is checked first: empty codes or names, duplicate ' +
          'codes, unknown parents and cycles are all listed in one 422 UNIT_TREE_INVALID with their CSV line or JSON ' +
          'item (`details.problems`); nothing is written then. Units keep their ids while their code stays. Leaving out ' +
          'a unit that someone is granted on is 409 UNITS_HAVE_GRANTS.',
        security,
        consumes: ['text/csv', 'application/json'],
        params: organisationParams,
        body: z.union([z.string().meta({ description: 'CSV text' }), z.array(unitInput.or(z.unknown()))]),
        response: {
          200: z.object({
            units: z.number().int(),
            created: z.number().int(),
            updated: z.number().int(),
            removed: z.number().int(),
            unchanged: z.number().int(),
          }),
          ...writeErrors,
          413: writeErrors[400],
          415: writeErrors[400],
        },
      },
    },
    async (request) => app.units.replace(request, request.params.id, request.body),
  );

  app.get(
    '/api/v1/organisations/:id/units',
    {
      config: { access: { action: 'units.read', organisationFrom: 'params.id' } },
      schema: {
        tags: ['organisations'],
        summary: 'The unit tree, nested (default) or flat',
        description: 'A unit viewer sees only the subtree(s) they are granted on, as top-level units.',
        security,
        params: organisationParams,
        querystring: z.object({ format: z.enum(['tree', 'flat']).default('tree') }),
        response: {
          200: z.discriminatedUnion('format', [
            z.object({ format: z.literal('tree'), units: z.array(unitNode) }),
            z.object({ format: z.literal('flat'), units: z.array(flatUnit) }),
          ]),
          ...readErrors,
        },
      },
    },
    async (request) => app.units.tree(principalOf(request), request.params.id, request.query.format),
  );
};

export default units;

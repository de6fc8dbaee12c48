import type { FastifyRequest } from 'fastify';
import { unitScope, type Principal } from '../access/authorize';
import { conflict, notFound, unprocessable } from '../lib/errors';
import { parseUnitCsv } from '../lib/unit-csv';
import { validateTree, type TreeProblem, type TreeRow } from '../lib/unit-tree';
import type { OrganisationRepository } from '../repositories/organisations';
import type { UnitRepository, UnitRow } from '../repositories/units';
import type { AuditService } from './audit';

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  children: UnitNode[];
}

/** At most this many problems are listed; the message gives the total. */
const MAX_LISTED = 1_000;

function invalid(problems: TreeProblem[]) {
  const first = problems[0];
  return unprocessable(
    'UNIT_TREE_INVALID',
    `The unit tree has ${problems.length} problem(s); nothing was changed. The first: ${first?.message ?? 'unknown'}`,
    { problems: problems.slice(0, MAX_LISTED), total: problems.length },
  );
}

/** Builds the nested form; with `roots` only those subtrees (a unit viewer's view), shown as top-level units. */
export function nest(units: readonly UnitRow[], roots?: readonly string[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, children: [] as UnitNode[] }]));
  const top: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    if (parent) parent.children.push(node);
    else top.push(node);
  }
  if (!roots) return top;
  // Nested grants (a viewer of a unit and of its child) must not show the child twice.
  const wanted = new Set(roots);
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const covered = (id: string): boolean => {
    for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) if (wanted.has(p)) return true;
    return false;
  };
  return roots.filter((id) => nodes.has(id) && !covered(id)).map((id) => nodes.get(id)!);
}

function flatten(nodes: readonly UnitNode[], parent: UnitNode | null, out: object[] = []) {
  for (const node of nodes) {
    out.push({ id: node.id, code: node.code, name: node.name, parentId: parent?.id ?? null, parentCode: parent?.code ?? null });
    flatten(node.children, node, out);
  }
  return out as { id: string; code: string; name: string; parentId: string | null; parentCode: string | null }[];
}

/** Unit trees: validated whole-tree replacement (CSV or JSON) and reading, narrowed to what the caller may see. */
export function unitService(units: UnitRepository, organisations: OrganisationRepository, audit: AuditService) {
  async function requireOrganisation(id: string) {
    if (!(await organisations.find(id))) throw notFound('Organisation');
  }

  return {
    /** Replaces the tree from CSV text or a JSON array; nothing is written unless the whole tree is valid. */
    async replace(request: FastifyRequest, organisationId: string, body: string | readonly unknown[]) {
      await requireOrganisation(organisationId);
      const format = typeof body === 'string' ? 'csv' : 'json';
      let rows: TreeRow[];
      if (typeof body === 'string') {
        const parsed = parseUnitCsv(body);
        if ('problems' in parsed) throw invalid(parsed.problems);
        rows = parsed.rows;
      } else {
        rows = body.map((item, index) => {
          const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
          return { index, code: o.code, name: o.name, parentCode: o.parentCode };
        });
      }
      const checked = validateTree(rows);
      if ('problems' in checked) throw invalid(checked.problems);

      const outcome = await units.replaceTree(organisationId, checked.units);
      if (outcome.kind === 'blocked') {
        const codes = outcome.units.map((u) => `'${u.code}'`).join(', ');
        throw conflict(
          'UNITS_HAVE_GRANTS',
          `The new tree leaves out unit(s) ${codes} that people are granted access to; remove those grants first, or keep the units. Nothing was changed.`,
          { units: outcome.units },
        );
      }
      const { kind: _kind, ...counts } = outcome;
      await audit.record(request, 'units.import', {
        organisationId,
        targetType: 'organisation',
        targetId: organisationId,
        details: { format, units: checked.units.length, ...counts },
      });
      return { units: checked.units.length, ...counts };
    },

    /** The unit and its ancestors (nearest first), for unit-scoped access checks; empty when not in the organisation. */
    path(organisationId: string, unitId: string): Promise<string[]> {
      return units.path(organisationId, unitId);
    },

    async tree(principal: Principal, organisationId: string, format: 'tree' | 'flat') {
      await requireOrganisation(organisationId);
      const scope = unitScope(principal, 'units.read', organisationId);
      const nested = nest(await units.list(organisationId), scope === 'all' ? undefined : scope);
      return format === 'tree' ? { format, units: nested } : { format, units: flatten(nested, null) };
    },
  };
}

export type UnitService = ReturnType<typeof unitService>;

/** The shapes the organisation endpoints answer with (docs/api.md), and what the web app derives from them. */

export const roles = ['org_admin', 'analyst', 'unit_viewer', 'researcher'] as const;
export type Role = (typeof roles)[number];

export interface Organisation {
  id: string;
  name: string;
  createdAt: string;
  unitCount: number;
  /** The caller's own roles in this organisation. */
  myRoles: Role[];
}

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  children: UnitNode[];
}

export interface Grant {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  email: string;
  role: Role;
  /** The subtree of a unit viewer; null for roles covering the whole organisation. */
  unit: { id: string; code: string; name: string } | null;
  grantedBy: string | null;
  createdAt: string;
}

export interface NewGrant {
  email: string;
  role: Role;
  unitId: string | null;
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  organisationId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBefore: number | null;
}

/** The counts PUT /api/v1/organisations/:id/units answers after a successful import. */
export interface ImportCounts {
  units: number;
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export type UnitProblemKind =
  | 'bad_file'
  | 'missing_column'
  | 'bad_row'
  | 'empty_code'
  | 'empty_name'
  | 'too_long'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'cycle'
  | 'empty_tree'
  | 'too_many_units';

/** One problem of a refused unit tree (422 UNIT_TREE_INVALID, `details.problems`). */
export interface UnitProblem {
  kind: UnitProblemKind | (string & {});
  message: string;
  /** The CSV line (the header is line 1); absent for problems of the whole file. */
  line?: number;
  code?: string;
}

/** Reads `details` of a 422 UNIT_TREE_INVALID defensively: the list, and how many there were in all. */
export function unitProblems(details: unknown): { problems: UnitProblem[]; total: number } {
  const d = (details ?? {}) as { problems?: unknown; total?: unknown };
  const problems = Array.isArray(d.problems) ? (d.problems as UnitProblem[]) : [];
  return { problems, total: typeof d.total === 'number' ? d.total : problems.length };
}

/** The units of a 409 UNITS_HAVE_GRANTS (`details.units`): the codes that the new tree would drop. */
export function unitsWithGrants(details: unknown): string[] {
  const units = (details as { units?: unknown } | null)?.units;
  return Array.isArray(units) ? units.map((u: { code?: unknown }) => String(u.code ?? '')).filter(Boolean) : [];
}

/** Every unit with its depth, parents before children: the options of a unit picker. */
export function flattenUnits(nodes: readonly UnitNode[], depth = 0, out: { unit: UnitNode; depth: number }[] = []) {
  for (const unit of nodes) {
    out.push({ unit, depth });
    flattenUnits(unit.children, depth + 1, out);
  }
  return out;
}

export function countUnits(nodes: readonly UnitNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countUnits(node.children), 0);
}

import type { AgencyUnitDto } from '@dvc/shared/contracts';

export interface AgencyNode {
  agency: AgencyUnitDto;
  depth: number;
}

/** The flat agency list in tree order (parents first, children indented), names sorted within a level. */
export function agencyTree(agencies: readonly AgencyUnitDto[]): AgencyNode[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<string | null, AgencyUnitDto[]>();
  for (const a of agencies) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(a);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((x, y) => x.name.localeCompare(y.name, 'vi'));
  const out: AgencyNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push({ agency: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The unit `rootId` and every unit below it. */
export function agencySubtree(agencies: readonly AgencyUnitDto[], rootId: string): AgencyUnitDto[] {
  const keep = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of agencies) {
      if (a.parentId && keep.has(a.parentId) && !keep.has(a.id)) {
        keep.add(a.id);
        grew = true;
      }
    }
  }
  return agencies.filter((a) => keep.has(a.id));
}

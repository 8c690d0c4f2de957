import type { AdminProcedureDto, ProcedureVersionDto } from '@dvc/shared/contracts';

/** Versions newest first. */
export function versionsDesc(p: AdminProcedureDto): ProcedureVersionDto[] {
  return [...p.versions].sort((a, b) => b.version - a.version);
}

/** The version citizens see, if any. */
export function publishedVersion(p: AdminProcedureDto): ProcedureVersionDto | undefined {
  return p.versions.find((v) => v.status === 'published');
}

export function draftVersion(p: AdminProcedureDto): ProcedureVersionDto | undefined {
  return p.versions.find((v) => v.status === 'draft');
}

/** Display name: the published version's, else the newest version's. */
export function procedureName(p: AdminProcedureDto): string {
  return (publishedVersion(p) ?? versionsDesc(p)[0])?.name ?? p.code;
}

import type { FieldDto, ProcedureSummaryDto, ProcedureVersionContent, ProcedureVersionDto } from '@dvc/shared/contracts';
import { foldVietnamese } from '@dvc/shared/util';
import type { Procedure, ProcedureVersion } from './entities';

export function toVersionDto(v: ProcedureVersion): ProcedureVersionDto {
  return {
    ...v.content,
    id: v.id,
    procedureId: v.procedureId,
    version: v.version,
    status: v.status,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    retiredAt: v.retiredAt?.toISOString() ?? null,
    updatedAt: v.updatedAt.toISOString(),
    rowVersion: v.rowVersion,
  };
}

export function toSummary(p: Procedure, v: ProcedureVersion, field: FieldDto): ProcedureSummaryDto {
  return {
    id: p.id,
    code: p.code,
    name: v.name,
    field: { code: field.code, name: field.name },
    level: p.level,
    onlineLevel: v.onlineLevel,
    timeLimitDays: v.timeLimitDays,
    version: v.version,
  };
}

/** The columns of a version derived from its content (kept in sync on every write). */
export function versionColumns(code: string, fieldName: string, content: ProcedureVersionContent) {
  return {
    name: content.name.trim(),
    onlineLevel: content.onlineLevel,
    timeLimitDays: content.timeLimitDays,
    implementingAgencyCodes: [...new Set(content.implementingAgencyCodes)],
    content: { ...content, name: content.name.trim() },
    searchText: foldVietnamese([content.name, code, fieldName, content.resultName].join(' ')),
  };
}

/** Content as stored: a stable key order so export → import of unchanged content is a no-op. */
export function normalizeContent(c: ProcedureVersionContent): ProcedureVersionContent {
  return {
    name: c.name.trim(),
    onlineLevel: c.onlineLevel,
    timeLimitDays: c.timeLimitDays,
    ...(c.timeLimitNote ? { timeLimitNote: c.timeLimitNote } : {}),
    fees: c.fees.map((f) => ({ code: f.code, name: f.name, amount: f.amount, ...(f.note ? { note: f.note } : {}) })),
    documents: c.documents.map((d) => ({
      code: d.code,
      name: d.name,
      copies: d.copies,
      form: d.form,
      required: d.required,
      ...(d.note ? { note: d.note } : {}),
    })),
    formSchema: c.formSchema,
    implementingAgencyCodes: [...new Set(c.implementingAgencyCodes)],
    resultName: c.resultName,
    legalBasis: c.legalBasis,
    applicantTypes: [...new Set(c.applicantTypes)],
  };
}

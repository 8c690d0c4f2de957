import type { ErrorObject, ValidateFunction } from 'ajv';
import { createFormAjv } from '@dvc/public-service/catalog';

export interface FieldError {
  /** JSON pointer into the form data, e.g. `/me/soDinhDanh`. */
  field: string;
  message: string;
}

type Schema = Record<string, any>;

const TYPE_LABELS: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  object: 'nhóm thông tin',
  array: 'danh sách',
  null: 'giá trị rỗng',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'phải là ngày hợp lệ (năm-tháng-ngày, vd. 2026-01-31)',
  'date-time': 'phải là thời điểm hợp lệ',
  time: 'phải là giờ hợp lệ',
  email: 'không phải địa chỉ thư điện tử hợp lệ',
  uri: 'không phải đường dẫn hợp lệ',
  uuid: 'không phải mã định danh hợp lệ',
};

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The subschema describing the value at a JSON pointer (properties, items, prefixItems). */
export function schemaAt(root: Schema, pointer: string): Schema | undefined {
  let s: Schema | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (!s || typeof s !== 'object') return undefined;
    const seg = unescapePointer(raw);
    if (s['properties'] && typeof s['properties'] === 'object' && seg in s['properties']) s = s['properties'][seg];
    else if (/^\d+$/.test(seg) && Array.isArray(s['prefixItems']) && s['prefixItems'][Number(seg)]) s = s['prefixItems'][Number(seg)];
    else if (/^\d+$/.test(seg) && s['items'] && typeof s['items'] === 'object') s = s['items'];
    else if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object') s = s['additionalProperties'];
    else return undefined;
  }
  return s;
}

function labelOf(root: Schema, pointer: string): string {
  const title = schemaAt(root, pointer)?.['title'];
  if (typeof title === 'string' && title.trim()) return title.trim();
  const last = pointer.split('/').pop();
  return last ? unescapePointer(last) : 'Biểu mẫu';
}

/** One Ajv error as a Vietnamese message on the field it concerns, using the field's `title`. */
export function toFieldError(root: Schema, e: ErrorObject): FieldError {
  const p = e.params as Record<string, any>;
  const at = e.instancePath;
  switch (e.keyword) {
    case 'required': {
      const field = `${at}/${escapePointer(String(p['missingProperty']))}`;
      return { field, message: `${labelOf(root, field)} là thông tin bắt buộc` };
    }
    case 'additionalProperties': {
      const name = String(p['additionalProperty']);
      return { field: `${at}/${escapePointer(name)}`, message: `Trường "${name}" không có trong biểu mẫu` };
    }
  }
  const label = labelOf(root, at);
  const field = at || '/';
  switch (e.keyword) {
    case 'type': {
      const types = String(p['type']).split(',').map((t) => TYPE_LABELS[t] ?? t);
      return { field, message: `${label} phải là ${types.join(' hoặc ')}` };
    }
    case 'pattern':
      return { field, message: `${label} không đúng định dạng` };
    case 'minLength':
      return { field, message: p['limit'] <= 1 ? `${label} không được để trống` : `${label} phải có ít nhất ${p['limit']} ký tự` };
    case 'maxLength':
      return { field, message: `${label} tối đa ${p['limit']} ký tự` };
    case 'format':
      return { field, message: `${label} ${FORMAT_MESSAGES[p['format']] ?? `không đúng định dạng ${p['format']}`}` };
    case 'enum':
      return { field, message: `${label} phải là một trong các giá trị: ${(p['allowedValues'] as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { field, message: `${label} phải là ${String(p['allowedValue'])}` };
    case 'minimum':
      return { field, message: `${label} phải lớn hơn hoặc bằng ${p['limit']}` };
    case 'exclusiveMinimum':
      return { field, message: `${label} phải lớn hơn ${p['limit']}` };
    case 'maximum':
      return { field, message: `${label} phải nhỏ hơn hoặc bằng ${p['limit']}` };
    case 'exclusiveMaximum':
      return { field, message: `${label} phải nhỏ hơn ${p['limit']}` };
    case 'minItems':
      return { field, message: `${label} cần ít nhất ${p['limit']} mục` };
    case 'maxItems':
      return { field, message: `${label} tối đa ${p['limit']} mục` };
    default:
      return { field, message: `${label} không hợp lệ` };
  }
}

/** Maps Ajv's errors to field errors, dropping duplicates (allErrors may repeat a field). */
export function toFieldErrors(root: Schema, errors: readonly ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    // The failing branch of if/then or anyOf is reported by its inner errors already.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const fe = toFieldError(root, e);
    const key = `${fe.field}\u0000${fe.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(fe);
    }
  }
  return out;
}

/**
 * Validates e-form data against a procedure version's JSON Schema (the one the portal renders).
 * Published versions are immutable, so a compiled validator is cached per version id.
 */
export class FormValidator {
  private readonly ajv = createFormAjv();
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly maxCached = 500) {}

  validate(versionId: string, schema: Schema, data: unknown): FieldError[] {
    let fn = this.cache.get(versionId);
    if (!fn) {
      // $id dropped: Ajv refuses two schemas with one $id, and versions of a form may share it.
      fn = this.ajv.compile({ ...schema, $id: undefined });
      if (this.cache.size >= this.maxCached) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(versionId, fn);
    }
    return fn(data) ? [] : toFieldErrors(schema, fn.errors ?? []);
  }
}

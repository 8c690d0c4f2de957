import { EformErrors, FormSchema, childPointer, controlKind, labelOf, typeOf } from './form-schema';

/**
 * Client-side validation of e-form data against its JSON Schema: the same keywords the API checks
 * with Ajv (required, type, pattern, minLength, maxLength, minimum, maximum, format, enum, const),
 * with the same Vietnamese wording, so the citizen learns about a mistake before submitting.
 * The API stays the authority; its field errors are shown on the same controls.
 */
export function validateEform(schema: FormSchema, data: unknown): EformErrors {
  const out: EformErrors = {};
  validateObject(schema, cleanEformData(schema, data), '', true, out);
  return out;
}

function validateObject(
  schema: FormSchema,
  value: unknown,
  pointer: string,
  required: boolean,
  out: EformErrors,
): void {
  if (value === undefined) {
    if (required && pointer) out[pointer] = `${labelOf(schema, pointer)} là thông tin bắt buộc`;
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out[pointer || '/'] = `${labelOf(schema, pointer)} phải là nhóm thông tin`;
    return;
  }
  const obj = value as Record<string, unknown>;
  const req = new Set(schema.required ?? []);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const p = childPointer(pointer, key);
    const v = obj[key];
    if (typeOf(child) === 'object') {
      validateObject(child, v, p, req.has(key), out);
      continue;
    }
    if (v === undefined) {
      if (req.has(key)) out[p] = `${labelOf(child, p)} là thông tin bắt buộc`;
      continue;
    }
    const message = validateLeaf(child, v, p);
    if (message) out[p] = message;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The same shape ajv-formats accepts in its fast mode.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const FORMATS: Record<string, { test: (s: string) => boolean; message: string }> = {
  date: { test: isDate, message: 'phải là ngày hợp lệ (ngày/tháng/năm)' },
  email: { test: (s) => EMAIL.test(s), message: 'không phải địa chỉ thư điện tử hợp lệ' },
  'date-time': {
    test: (s) => !Number.isNaN(Date.parse(s)) && /T/.test(s),
    message: 'phải là thời điểm hợp lệ',
  },
  time: { test: (s) => /^\d{2}:\d{2}(:\d{2})?/.test(s), message: 'phải là giờ hợp lệ' },
};

/** Code points, as Ajv counts string length. */
const length = (s: string) => [...s].length;

function validateLeaf(schema: FormSchema, v: unknown, pointer: string): string | null {
  const label = labelOf(schema, pointer);
  const type = typeOf(schema);
  if (type === 'integer' || type === 'number') {
    if (typeof v !== 'number' || Number.isNaN(v))
      return `${label} phải là ${type === 'integer' ? 'số nguyên' : 'số'}`;
    if (type === 'integer' && !Number.isInteger(v)) return `${label} phải là số nguyên`;
    if (schema.minimum !== undefined && v < schema.minimum)
      return `${label} phải lớn hơn hoặc bằng ${schema.minimum}`;
    if (schema.exclusiveMinimum !== undefined && v <= schema.exclusiveMinimum)
      return `${label} phải lớn hơn ${schema.exclusiveMinimum}`;
    if (schema.maximum !== undefined && v > schema.maximum)
      return `${label} phải nhỏ hơn hoặc bằng ${schema.maximum}`;
    if (schema.exclusiveMaximum !== undefined && v >= schema.exclusiveMaximum)
      return `${label} phải nhỏ hơn ${schema.exclusiveMaximum}`;
  } else if (type === 'boolean') {
    if (typeof v !== 'boolean') return `${label} phải là giá trị đúng/sai`;
    if (schema.const === true && v !== true) return `Vui lòng đánh dấu xác nhận: ${label}`;
  } else if (type === 'string') {
    if (typeof v !== 'string') return `${label} phải là chuỗi ký tự`;
    if (schema.minLength !== undefined && length(v) < schema.minLength)
      return schema.minLength <= 1
        ? `${label} không được để trống`
        : `${label} phải có ít nhất ${schema.minLength} ký tự`;
    if (schema.maxLength !== undefined && length(v) > schema.maxLength)
      return `${label} tối đa ${schema.maxLength} ký tự (hiện có ${length(v)})`;
    const fmt = schema.format ? FORMATS[schema.format] : undefined;
    if (fmt && !fmt.test(v)) return `${label} ${fmt.message}`;
    if (schema.pattern && !safeRegExp(schema.pattern)?.test(v)) return `${label} không đúng định dạng`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === v))
    return `${label} phải là một trong các giá trị: ${schema.enum.map(String).join(', ')}`;
  if (schema.const !== undefined && type !== 'boolean' && v !== schema.const)
    return `${label} phải là ${String(schema.const)}`;
  return null;
}

const regexCache = new Map<string, RegExp | null>();
function safeRegExp(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(pattern, 'u'); // Ajv compiles patterns with the unicode flag.
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return regexCache.get(pattern) ?? null;
}

/**
 * Parses a number typed the Vietnamese way: "1.000.000" and "1 000 000" are one million, "12,5" is
 * twelve and a half. Returns null when the text is not a number.
 */
export function parseViNumber(raw: string, integer: boolean): number | null {
  let s = raw.trim().replace(/\s/g, '');
  if (!s) return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (integer || /^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * The data to send: only the schema's properties, strings trimmed, empty answers left out, numbers
 * typed, booleans always present, and an optional group nobody filled in left out entirely.
 */
export function cleanEformData(schema: FormSchema, data: unknown): Record<string, unknown> {
  return (cleanObject(schema, data, true) as Record<string, unknown>) ?? {};
}

function cleanObject(
  schema: FormSchema,
  data: unknown,
  keepEmpty: boolean,
): Record<string, unknown> | undefined {
  const src =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  const req = new Set(schema.required ?? []);
  let answered = false;
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const v = cleanValue(child, src[key], req.has(key));
    if (v === undefined) continue;
    out[key] = v;
    // A checkbox left unticked is not an answer: it does not make an optional group "filled in".
    if (v !== false) answered = true;
  }
  return answered || keepEmpty ? out : undefined;
}

function cleanValue(schema: FormSchema, v: unknown, required: boolean): unknown {
  const kind = controlKind(schema);
  switch (kind) {
    case 'group':
      return cleanObject(schema, v, required);
    case 'checkbox':
      return v === true;
    case 'integer':
    case 'number': {
      if (typeof v === 'number') return v;
      if (typeof v !== 'string') return undefined;
      if (!v.trim()) return undefined;
      // Unparseable text is kept as is, so validation can name the field.
      return parseViNumber(v, kind === 'integer') ?? v.trim();
    }
    default: {
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string') {
        const t = v.trim();
        return t ? t : undefined;
      }
      return v;
    }
  }
}

/** Initial data from the schema's `default` values (e.g. nationality "Việt Nam"). */
export function defaultEformData(schema: FormSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (typeOf(child) === 'object') {
      const nested = defaultEformData(child);
      if (Object.keys(nested).length) out[key] = nested;
    } else if (child.default !== undefined) out[key] = child.default;
  }
  return out;
}

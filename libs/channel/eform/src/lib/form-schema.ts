/**
 * The JSON Schema subset the e-form renderer understands (the catalog's draft 2020-12 subset):
 * object, string (plain, date, email, enum), integer, number, boolean; nested objects become fieldsets.
 */
export interface FormSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, FormSchema>;
  required?: string[];
  enum?: readonly unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  additionalProperties?: boolean | FormSchema;
  [keyword: string]: unknown;
}

/** Messages keyed by JSON pointer into the form data (`/me/soDinhDanh`). */
export type EformErrors = Record<string, string>;

/** A field error as the API reports it (problem+json `errors[]`). */
export interface EformFieldError {
  field: string;
  message: string;
}

/** How one schema node is rendered. */
export type ControlKind =
  | 'group'
  | 'text'
  | 'textarea'
  | 'email'
  | 'date'
  | 'integer'
  | 'number'
  | 'select'
  | 'radio'
  | 'checkbox';

/** Enums with at most this many options are radio buttons (all choices visible), longer ones a select. */
const MAX_RADIO_OPTIONS = 3;
/** Strings allowed to be longer than this get a multi-line box. */
const TEXTAREA_FROM_LENGTH = 300;

export function typeOf(schema: FormSchema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  if (t) return t;
  if (schema.properties) return 'object';
  return undefined;
}

export function controlKind(schema: FormSchema): ControlKind {
  const type = typeOf(schema);
  if (type === 'object') return 'group';
  if (Array.isArray(schema.enum)) return schema.enum.length <= MAX_RADIO_OPTIONS ? 'radio' : 'select';
  switch (type) {
    case 'boolean':
      return 'checkbox';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
  }
  if (schema.format === 'date') return 'date';
  if (schema.format === 'email') return 'email';
  if ((schema.maxLength ?? 0) > TEXTAREA_FROM_LENGTH) return 'textarea';
  return 'text';
}

export const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function childPointer(parent: string, key: string): string {
  return `${parent}/${escapePointer(key)}`;
}

export function pointerSegments(pointer: string): string[] {
  return pointer.split('/').slice(1).map(unescapePointer);
}

/**
 * The API's field path as a pointer into the form data: `/me/soDinhDanh`, `formData/me/soDinhDanh`,
 * `formData.me.soDinhDanh` and `me.soDinhDanh` all become `/me/soDinhDanh`.
 */
export function normalizePointer(field: string): string {
  let segs = field.includes('/') ? field.split('/').filter(Boolean) : field.split('.').filter(Boolean);
  if (segs[0] === 'formData') segs = segs.slice(1);
  return segs.length ? '/' + segs.join('/') : '';
}

export function getAt(data: unknown, pointer: string): unknown {
  let v: unknown = data;
  for (const seg of pointerSegments(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** A copy of `data` with the value at `pointer` replaced (`undefined` removes it); objects are created on the way. */
export function setAt(
  data: Record<string, unknown>,
  pointer: string,
  value: unknown,
): Record<string, unknown> {
  const segs = pointerSegments(pointer);
  if (!segs.length) return (value ?? {}) as Record<string, unknown>;
  const write = (obj: Record<string, unknown>, i: number): Record<string, unknown> => {
    const key = segs[i];
    const copy = { ...obj };
    if (i === segs.length - 1) {
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      return copy;
    }
    const next = copy[key];
    copy[key] = write(next && typeof next === 'object' ? (next as Record<string, unknown>) : {}, i + 1);
    return copy;
  };
  return write(data ?? {}, 0);
}

/** The field's label: its `title`, else its property name. */
export function labelOf(schema: FormSchema | undefined, pointer: string): string {
  const title = schema?.title?.trim();
  if (title) return title;
  return pointerSegments(pointer).pop() ?? 'Biểu mẫu';
}

/** DOM id of the control at `pointer` (ids stay valid and readable: `ef-me-soDinhDanh`). */
export function controlId(prefix: string, pointer: string): string {
  return prefix + (pointer || '-root').replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Postgres `jsonb` keeps object keys sorted by length, then bytes: the author's order is lost. */
function looksJsonbSorted(keys: string[]): boolean {
  const enc = new TextEncoder();
  for (let i = 1; i < keys.length; i++) {
    const a = enc.encode(keys[i - 1]);
    const b = enc.encode(keys[i]);
    if (a.length !== b.length) {
      if (a.length > b.length) return false;
      continue;
    }
    for (let j = 0; j < a.length; j++) {
      if (a[j] !== b[j]) {
        if (a[j] > b[j]) return false;
        break;
      }
    }
  }
  return keys.length > 2;
}

/**
 * The properties of an object schema in display order: `propertyOrder` when the schema has it,
 * else the author's order. When the keys come back in jsonb's storage order (the author's order
 * lost), the `required` list, which is an array and keeps its order, leads, then the other fields.
 */
export function orderedProperties(schema: FormSchema): [string, FormSchema][] {
  const props = schema.properties ?? {};
  const keys = Object.keys(props);
  const hint = Array.isArray(schema['propertyOrder']) ? (schema['propertyOrder'] as string[]) : null;
  let order = keys;
  if (hint) order = [...hint.filter((k) => k in props), ...keys.filter((k) => !hint.includes(k))];
  else if (looksJsonbSorted(keys)) {
    const req = (schema.required ?? []).filter((k) => k in props);
    order = [...req, ...keys.filter((k) => !req.includes(k))];
  }
  return order.map((k) => [k, props[k]]);
}

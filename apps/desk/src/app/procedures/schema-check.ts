export type JsonCheck = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/**
 * Parses the e-form JSON Schema typed by the administrator and explains a syntax error in Vietnamese
 * with its line and column. The API validates the schema itself (422 INVALID_FORM_SCHEMA).
 */
export function checkJsonObject(text: string): JsonCheck {
  if (!text.trim()) return { ok: false, message: 'Vui lòng nhập biểu mẫu (JSON Schema)' };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, message: 'Biểu mẫu phải là một đối tượng JSON, bắt đầu bằng { và kết thúc bằng }' };
    }
    return { ok: true, value: value as Record<string, unknown> };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(raw);
    if (pos) {
      const { line, column } = lineAndColumn(text, Number(pos[1]));
      return { ok: false, message: `Lỗi cú pháp JSON ở dòng ${line}, cột ${column} (${raw})` };
    }
    return { ok: false, message: `Lỗi cú pháp JSON (${raw})` };
  }
}

/** Number of top-level properties of an object schema, for the "N trường" hint. */
export function schemaFieldCount(schema: Record<string, unknown>): number {
  const props = schema['properties'];
  return props && typeof props === 'object' ? Object.keys(props).length : 0;
}

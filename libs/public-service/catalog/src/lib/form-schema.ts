import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AppError } from '@dvc/shared/contracts';

/** Strict Ajv for e-form schemas: the same instance kind validates submissions in intake. */
export function createFormAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

const ajv = createFormAjv();

/** Refuses a form schema that is not a compilable object schema, naming the problem. */
export function assertValidFormSchema(schema: Record<string, unknown>): void {
  if (schema['type'] !== 'object' || typeof schema['properties'] !== 'object') {
    throw new AppError('INVALID_FORM_SCHEMA', 'Biểu mẫu phải là JSON Schema có "type": "object" và "properties"', [
      { field: 'content.formSchema', message: 'Thiếu "type": "object" hoặc "properties"' },
    ]);
  }
  try {
    ajv.compile({ ...schema, $id: undefined });
  } catch (e) {
    throw new AppError('INVALID_FORM_SCHEMA', (e as Error).message, [
      { field: 'content.formSchema', message: `JSON Schema không hợp lệ: ${(e as Error).message}` },
    ]);
  }
}

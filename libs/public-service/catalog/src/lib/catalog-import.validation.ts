import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { ProcedureVersionContentDto } from './dto/procedure.dto';
import { PROCEDURE_CODE } from './dto/procedure.dto';

function flatten(errors: ValidationError[], parent: string): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = `${parent}.${e.property}`;
    return Object.values(e.constraints ?? {}).map((message) => ({ field, message })).concat(flatten(e.children ?? [], field));
  });
}

/** Validates one imported procedure with the same rules as the editor. */
export async function validateImportItem(item: { code?: unknown; level?: unknown; content?: unknown }) {
  const errors: { field: string; message: string }[] = [];
  if (typeof item?.code !== 'string' || !PROCEDURE_CODE.test(item.code)) errors.push({ field: 'code', message: 'Mã thủ tục không đúng định dạng (vd. 1.001193)' });
  if (!['central', 'province', 'commune'].includes(item?.level as string)) errors.push({ field: 'level', message: 'Cấp thực hiện không hợp lệ' });
  if (typeof item?.content !== 'object' || item.content === null) {
    errors.push({ field: 'content', message: 'Thiếu nội dung thủ tục' });
  } else {
    const dto = plainToInstance(ProcedureVersionContentDto, item.content);
    errors.push(...flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }), 'content'));
  }
  return { errors };
}

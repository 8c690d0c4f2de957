import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from '@dvc/shared/contracts';

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

/** class-validator errors become VALIDATION_FAILED problems naming each field, in Vietnamese. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const list = flatten(errors).map((e) =>
        e.message.startsWith('property ') && e.message.endsWith('should not exist')
          ? { field: e.field, message: 'Trường này không được phép gửi lên' }
          : e,
      );
      return new AppError('VALIDATION_FAILED', list[0]?.message, list);
    },
  });
}

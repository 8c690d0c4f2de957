import { Pipe, PipeTransform } from '@angular/core';
import { formatDate, formatDateTime, formatFileSize, formatTimeLimit, formatVnd } from './format';

@Pipe({ name: 'vnd' })
export class VndPipe implements PipeTransform {
  transform(amount: number | null | undefined): string {
    return formatVnd(amount);
  }
}

@Pipe({ name: 'timeLimit' })
export class TimeLimitPipe implements PipeTransform {
  transform(days: number | null | undefined): string {
    return formatTimeLimit(days);
  }
}

@Pipe({ name: 'viDateTime' })
export class DateTimePipe implements PipeTransform {
  transform(iso: string | null | undefined): string {
    return formatDateTime(iso);
  }
}

@Pipe({ name: 'viDate' })
export class DatePipeVi implements PipeTransform {
  transform(iso: string | null | undefined): string {
    return formatDate(iso);
  }
}

@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  transform(bytes: number | null | undefined): string {
    return formatFileSize(bytes);
  }
}

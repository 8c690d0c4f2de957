import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  inject,
  input,
  signal,
} from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { AuthApi, fieldErrors, toProblem } from '@dvc/channel/api-client';
import { PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type { CitizenRegisterRequest, Problem } from '@dvc/shared/contracts';
import { safeReturnUrl } from './return-url';

type Field = 'identityNumber' | 'fullName' | 'phone' | 'email' | 'password' | 'confirmPassword';

function sameAsPassword(control: AbstractControl): ValidationErrors | null {
  const password = control.parent?.get('password')?.value;
  return control.value && password !== control.value ? { mismatch: true } : null;
}

const MESSAGES: Record<Field, Record<string, string>> = {
  identityNumber: {
    required: 'Vui lòng nhập số định danh cá nhân',
    pattern: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
  },
  fullName: { required: 'Vui lòng nhập họ và tên', maxlength: 'Họ và tên quá dài' },
  phone: { pattern: 'Số điện thoại không hợp lệ (ví dụ 0912345678)' },
  email: { email: 'Địa chỉ thư điện tử không hợp lệ' },
  password: { required: 'Vui lòng nhập mật khẩu', minlength: 'Mật khẩu phải có ít nhất 8 ký tự' },
  confirmPassword: { required: 'Vui lòng nhập lại mật khẩu', mismatch: 'Mật khẩu nhập lại không khớp' },
};

/** Citizen account registration. */
@Component({
  selector: 'dvc-citizen-register',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, PageHeader, ProblemAlert],
  templateUrl: './citizen-register.html',
  styleUrl: './account.css',
})
export class CitizenRegister {
  readonly returnUrl = input<string>();
  private readonly auth = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly submitting = signal(false);
  protected readonly submitted = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    identityNumber: ['', [Validators.required, Validators.pattern(/^\d{12}$/)]],
    fullName: ['', [Validators.required, Validators.maxLength(200)]],
    phone: ['', Validators.pattern(/^(0|\+84)\d{9,10}$/)],
    email: ['', Validators.email],
    password: ['', [Validators.required, Validators.minLength(8)]],
    confirmPassword: ['', [Validators.required, sameAsPassword]],
  });

  protected error(name: Field): string | null {
    const server = fieldErrors(this.problem())[name];
    if (server) return server;
    const c = this.form.controls[name];
    if (!(c.touched || this.submitted()) || c.valid || !c.errors) return null;
    const key = Object.keys(c.errors)[0];
    return MESSAGES[name][key] ?? 'Giá trị không hợp lệ';
  }

  protected describedBy(name: Field, hint = false): string | null {
    const ids = [hint ? `${name}-hint` : '', this.error(name) ? `${name}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.problem.set(null);
    this.form.controls.confirmPassword.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const v = this.form.getRawValue();
    const body: CitizenRegisterRequest = {
      identityNumber: v.identityNumber,
      fullName: v.fullName.trim(),
      password: v.password,
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
    };
    this.submitting.set(true);
    this.auth.registerCitizen(body).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (e: unknown) => {
        this.submitting.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { AuthApi, fieldErrors, toProblem } from '@dvc/channel/api-client';
import { PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type { Problem } from '@dvc/shared/contracts';
import { safeReturnUrl } from './return-url';

/** Citizen sign-in with the 12-digit personal identification number (số định danh cá nhân). */
@Component({
  selector: 'dvc-citizen-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, PageHeader, ProblemAlert],
  templateUrl: './citizen-login.html',
  styleUrl: './account.css',
})
export class CitizenLogin {
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
    password: ['', Validators.required],
  });

  protected error(name: 'identityNumber' | 'password'): string | null {
    const c = this.form.controls[name];
    const server = fieldErrors(this.problem())[name];
    if (server) return server;
    if (!(c.touched || this.submitted()) || c.valid) return null;
    if (name === 'identityNumber') {
      return c.hasError('required')
        ? 'Vui lòng nhập số định danh cá nhân'
        : 'Số định danh cá nhân phải gồm đúng 12 chữ số';
    }
    return 'Vui lòng nhập mật khẩu';
  }

  protected submit(): void {
    this.submitted.set(true);
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.submitting.set(true);
    this.auth.loginCitizen(this.form.getRawValue()).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (e: unknown) => {
        this.submitting.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { focusFirstInvalid } from '@dvc/channel/a11y';
import { AuthApi, fieldErrors, toProblem } from '@dvc/channel/api-client';
import { PageHeader, ProblemAlert } from '@dvc/channel/ui';
import type { Problem } from '@dvc/shared/contracts';

function safeReturnUrl(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

/** Officials' sign-in. */
@Component({
  selector: 'dvc-desk-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, PageHeader, ProblemAlert],
  templateUrl: './desk-login.html',
  styles: `
    .login {
      max-width: 30rem;
    }
  `,
})
export class DeskLogin implements OnInit {
  readonly returnUrl = input<string>();
  private readonly auth = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly submitting = signal(false);
  protected readonly submitted = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });

  async ngOnInit(): Promise<void> {
    // Already signed in (refresh cookie still valid): go straight on.
    if (await this.auth.restoreSession()) void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  protected error(name: 'username' | 'password'): string | null {
    const server = fieldErrors(this.problem())[name];
    if (server) return server;
    const c = this.form.controls[name];
    if (!(c.touched || this.submitted()) || c.valid) return null;
    return name === 'username' ? 'Vui lòng nhập tên đăng nhập' : 'Vui lòng nhập mật khẩu';
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
    const v = this.form.getRawValue();
    this.auth.loginOfficial({ username: v.username.trim(), password: v.password }).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (e: unknown) => {
        this.submitting.set(false);
        this.problem.set(toProblem(e));
      },
    });
  }
}

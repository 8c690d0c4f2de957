import { Injector, afterNextRender } from '@angular/core';

/**
 * After the next render (when error messages and aria-invalid are in the DOM), moves focus to the
 * first invalid field in `host`, or to `fallback` if none is marked.
 */
export function focusFirstInvalid(host: HTMLElement, injector: Injector, fallback?: string): void {
  afterNextRender(
    () => {
      const target =
        host.querySelector<HTMLElement>('[aria-invalid="true"]') ?? (fallback ? host.querySelector<HTMLElement>(fallback) : null);
      target?.focus();
    },
    { injector },
  );
}

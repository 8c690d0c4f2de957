import { Injector, afterNextRender } from '@angular/core';

/**
 * After the next render (when error messages and aria-invalid are in the DOM), moves focus to the
 * first invalid field in `host`, or to `fallback` if none is marked.
 */
export function focusFirstInvalid(host: HTMLElement, injector: Injector, fallback?: string): void {
  afterNextRender(
    () => {
      const target =
        host.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        (fallback ? host.querySelector<HTMLElement>(fallback) : null);
      target?.focus();
    },
    { injector },
  );
}

/**
 * After a client-side navigation, moves focus to the new page's heading (`h1[tabindex]`) so screen
 * readers announce the page as a full load would. Pages that load data render their heading later;
 * focus waits on `main` and moves to the heading once it appears (up to 3 s). Leaves focus alone
 * when it is already inside `main` (e.g. a filter that only changed the query string).
 */
export function focusPageHeading(main: HTMLElement): void {
  const active = document.activeElement;
  if (active && active !== document.body && active !== main && main.contains(active)) return;
  const heading = () => main.querySelector<HTMLElement>('h1[tabindex]');
  const now = heading();
  if (now) {
    now.focus({ preventScroll: true });
    return;
  }
  main.focus({ preventScroll: true });
  const observer = new MutationObserver(() => {
    const h = heading();
    if (!h) return;
    observer.disconnect();
    if (document.activeElement === main) h.focus({ preventScroll: true });
  });
  observer.observe(main, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 3000);
}

import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Problem } from '@dvc/shared/contracts';
import { Observable, catchError, map, of, switchMap } from 'rxjs';
import { toProblem } from './problem';

export interface LoadState<T> {
  loading: boolean;
  value: T | undefined;
  problem: Problem | null;
}

export interface LoadRef<T> {
  readonly state: Signal<LoadState<T>>;
  readonly value: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  readonly problem: Signal<Problem | null>;
  /** Loads again with the same parameters, keeping the current value on screen meanwhile. */
  reload(): void;
  /** Replaces the value, e.g. with the body an update returned. */
  set(value: T): void;
}

/**
 * Loads data for the current parameters and reloads when they change (latest wins). Errors become
 * problems. Built on stable signal/RxJS interop; call it in an injection context (a field initializer).
 * `params` returning `undefined` means "nothing to load yet".
 */
export function loader<P, T>(params: () => P | undefined, load: (p: P) => Observable<T>): LoadRef<T> {
  const state = signal<LoadState<T>>({ loading: true, value: undefined, problem: null });
  const trigger = signal(0);
  const request = computed(() => ({ p: params(), n: trigger() }));
  toObservable(request)
    .pipe(
      switchMap(({ p }) => {
        if (p === undefined) return of<LoadState<T>>({ loading: false, value: undefined, problem: null });
        state.update((s) => ({ ...s, loading: true, problem: null }));
        return load(p).pipe(
          map((value): LoadState<T> => ({ loading: false, value, problem: null })),
          catchError((e: unknown) =>
            of<LoadState<T>>({ loading: false, value: undefined, problem: toProblem(e) }),
          ),
        );
      }),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe((s) => state.set(s));
  return {
    state: state.asReadonly(),
    value: computed(() => state().value),
    loading: computed(() => state().loading),
    problem: computed(() => state().problem),
    reload: () => trigger.update((n) => n + 1),
    set: (value: T) => state.set({ loading: false, value, problem: null }),
  };
}

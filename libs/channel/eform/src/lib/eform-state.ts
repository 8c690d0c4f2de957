import { Injectable, Signal, WritableSignal, computed, linkedSignal, signal } from '@angular/core';
import { EformErrors, FormSchema, getAt, setAt } from './form-schema';
import { validateEform } from './eform-validation';

/**
 * State shared by one rendered e-form and its nested groups and controls: the data, which fields
 * were visited, the client-side errors and the API's field errors (hidden once the field is edited).
 */
@Injectable()
export class EformState {
  private _value!: WritableSignal<Record<string, unknown>>;
  private _schema!: Signal<FormSchema>;
  private _server!: Signal<EformErrors>;
  idPrefix: Signal<string> = signal('ef');
  readonly showAll = signal(false);
  private readonly touched = signal<ReadonlySet<string>>(new Set());
  /** Fields edited since the API's errors arrived; their API message no longer applies. */
  private readonly editedSinceServer = linkedSignal<EformErrors | undefined, ReadonlySet<string>>({
    source: () => this._server?.(),
    computation: () => new Set(),
  });

  readonly clientErrors = computed(() => validateEform(this._schema(), this._value()));

  connect(
    value: WritableSignal<Record<string, unknown>>,
    schema: Signal<FormSchema>,
    server: Signal<EformErrors>,
    idPrefix: Signal<string>,
  ): void {
    this.idPrefix = idPrefix;
    this._value = value;
    this._schema = schema;
    this._server = server;
  }

  get(pointer: string): unknown {
    return getAt(this._value(), pointer);
  }

  set(pointer: string, v: unknown): void {
    this._value.update((d) => setAt(d ?? {}, pointer, v));
    this.editedSinceServer.update((s) => new Set(s).add(pointer));
  }

  touch(pointer: string): void {
    if (!this.touched().has(pointer)) this.touched.update((s) => new Set(s).add(pointer));
  }

  /** The message to show on the control at `pointer`, if any. */
  errorFor(pointer: string): string | null {
    const server = this._server();
    if (server[pointer] && !this.editedSinceServer().has(pointer)) return server[pointer];
    if (!this.showAll() && !this.touched().has(pointer)) return null;
    return this.clientErrors()[pointer] ?? null;
  }

  /** Whether the group at `pointer` (an optional object) has any answer in it. */
  hasAnswer(pointer: string): boolean {
    const v = this.get(pointer);
    const walk = (x: unknown): boolean =>
      x !== null && typeof x === 'object'
        ? Object.values(x as Record<string, unknown>).some(walk)
        : x !== undefined && x !== null && x !== false && String(x).trim() !== '';
    return walk(v);
  }

  reset(): void {
    this.showAll.set(false);
    this.touched.set(new Set());
  }
}

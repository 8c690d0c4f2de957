import type { EntityManager } from 'typeorm';

/**
 * What the desk needs from intake (a public-service lib, which one-stop libs do not import): the
 * dossier code counter, the e-form validator and the delivery of e-results. The API wires intake's implementation in
 * `DeskModule.forRoot(…)`; the shapes match intake's exports structurally.
 */
export interface DeskModuleOptions {
  /**
   * The next dossier code of a receiving unit on a day (TT 01/2018/TT-VPCP art. 19), allocated
   * inside `tx` so a rollback gives the number back.
   */
  allocateCode(tx: EntityManager, agency: { id: string; code: string }, day: string): Promise<string>;
  /** Field errors of `data` against the procedure version's e-form schema; empty when valid. */
  validateForm(
    versionId: string,
    schema: Record<string, any>,
    data: unknown,
  ): { field: string; message: string }[];
  /**
   * Level 4 delivery, inside the transaction of `return_result`: the dossier's signed e-result
   * becomes the applicant's (their document store). Absent: results stay with the desk.
   */
  deliverResult?(tx: EntityManager, dossierId: string): Promise<void>;
}

/** Injection token of {@link DeskModuleOptions}. */
export const DESK_OPTIONS = Symbol('DESK_OPTIONS');

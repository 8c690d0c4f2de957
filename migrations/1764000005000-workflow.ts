import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow, deadlines and the one-stop desk (issue #4).
 *
 * - `workflow_definition`: versioned workflow definitions (JSON data); immutable once a dossier uses one.
 * - `procedure_workflow`: which definition a procedure's new dossiers get from a given instant
 *   (procedure_id NULL = the default of every procedure). The catalog's tables are not altered.
 * - dossier: pins its definition, and holds its step, holding unit, assignee, clock and SLA flags.
 *   A BEFORE INSERT trigger pins the definition in force and the first step for any insert path
 *   (online intake, desk, national portal), and an AFTER INSERT trigger opens the first step row.
 * - `dossier_step`: each hand-over with its own due time (Mẫu 05); `dossier_clock_pause`: paused
 *   intervals (supplement or payment requested); `dossier_apology`: Mẫu 04 letters;
 *   `calendar_day`: the administrator-maintained official schedule (days off, make-up Saturdays).
 */
export class Workflow1764000005000 implements MigrationInterface {
  name = 'Workflow1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workflow_definition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL,
        version integer NOT NULL,
        name varchar(255) NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_workflow_definition_code_version UNIQUE (code, version),
        CONSTRAINT ck_workflow_definition_version CHECK (version >= 1),
        CONSTRAINT ck_workflow_definition_identity CHECK (definition->>'id' = code AND (definition->>'version')::int = version)
      )`);
    // A dossier keeps the definition it started with: a used definition never changes (a new version is added instead).
    await q.query(`
      CREATE FUNCTION workflow_definition_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'DELETE' OR NEW.definition IS DISTINCT FROM OLD.definition OR NEW.code IS DISTINCT FROM OLD.code
            OR NEW.version IS DISTINCT FROM OLD.version)
           AND EXISTS (SELECT 1 FROM dossier WHERE workflow_definition_id = OLD.id) THEN
          RAISE EXCEPTION 'workflow definition % v% is used by dossiers and immutable', OLD.code, OLD.version USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_workflow_definition_guard BEFORE UPDATE OR DELETE ON workflow_definition
      FOR EACH ROW EXECUTE FUNCTION workflow_definition_guard()`);

    await q.query(`
      CREATE TABLE procedure_workflow (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id uuid,
        workflow_definition_id uuid NOT NULL,
        effective_from timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_procedure_workflow_procedure FOREIGN KEY (procedure_id) REFERENCES procedure(id),
        CONSTRAINT fk_procedure_workflow_definition FOREIGN KEY (workflow_definition_id) REFERENCES workflow_definition(id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_procedure_workflow ON procedure_workflow
      (COALESCE(procedure_id, '00000000-0000-0000-0000-000000000000'::uuid), effective_from)`);
    await q.query(
      `CREATE INDEX idx_procedure_workflow_lookup ON procedure_workflow (procedure_id, effective_from DESC)`,
    );

    // The built-in default workflow (a snapshot of DEFAULT_WORKFLOW v1 of @dvc/one-stop/workflow),
    // so that existing and new dossiers always have a definition in force.
    await q.query(
      `INSERT INTO workflow_definition (code, version, name, definition) VALUES ($1, $2, $3, $4::jsonb)`,
      [
        DEFAULT_WORKFLOW_V1.id,
        DEFAULT_WORKFLOW_V1.version,
        DEFAULT_WORKFLOW_V1.name,
        JSON.stringify(DEFAULT_WORKFLOW_V1),
      ],
    );
    await q.query(
      `INSERT INTO procedure_workflow (procedure_id, workflow_definition_id, effective_from)
      SELECT NULL, id, '2000-01-01T00:00:00Z' FROM workflow_definition WHERE code = $1 AND version = $2`,
      [DEFAULT_WORKFLOW_V1.id, DEFAULT_WORKFLOW_V1.version],
    );

    // Expand: new dossier columns, nullable first; backfilled; then NOT NULL.
    await q.query(`
      ALTER TABLE dossier
        ADD COLUMN workflow_definition_id uuid,
        ADD COLUMN current_step_id varchar(64),
        ADD COLUMN current_unit_id uuid,
        ADD COLUMN assignee_id uuid,
        ADD COLUMN clock_paused_at timestamptz,
        ADD COLUMN paused_ms bigint NOT NULL DEFAULT 0,
        ADD COLUMN due_soon_at timestamptz,
        ADD COLUMN overdue_at timestamptz,
        ADD COLUMN closed_at timestamptz`);
    await q.query(
      `
      UPDATE dossier d SET workflow_definition_id = w.id, current_step_id = 'intake', current_unit_id = d.receiving_agency_id
      FROM workflow_definition w WHERE w.code = $1 AND w.version = $2`,
      [DEFAULT_WORKFLOW_V1.id, DEFAULT_WORKFLOW_V1.version],
    );
    await q.query(`
      ALTER TABLE dossier
        ALTER COLUMN workflow_definition_id SET NOT NULL,
        ALTER COLUMN current_step_id SET NOT NULL,
        ALTER COLUMN current_unit_id SET NOT NULL,
        ADD CONSTRAINT fk_dossier_workflow_definition FOREIGN KEY (workflow_definition_id) REFERENCES workflow_definition(id),
        ADD CONSTRAINT fk_dossier_current_unit FOREIGN KEY (current_unit_id) REFERENCES agency_unit(id),
        ADD CONSTRAINT fk_dossier_assignee FOREIGN KEY (assignee_id) REFERENCES official(id),
        ADD CONSTRAINT ck_dossier_paused_ms CHECK (paused_ms >= 0)`);
    // The desk inbox: keyset pagination on (due_at, id) within the units an official serves.
    await q.query(`CREATE INDEX idx_dossier_inbox ON dossier (current_unit_id, status, due_at, id)`);
    await q.query(`CREATE INDEX idx_dossier_inbox_open ON dossier (current_unit_id, due_at, id)
      WHERE status NOT IN ('refused', 'withdrawn', 'stopped', 'returned')`);
    await q.query(
      `CREATE INDEX idx_dossier_assignee ON dossier (assignee_id, due_at, id) WHERE assignee_id IS NOT NULL`,
    );
    // The SLA job scans only running clocks that are not yet flagged overdue.
    await q.query(`CREATE INDEX idx_dossier_sla ON dossier (due_at)
      WHERE overdue_at IS NULL AND clock_paused_at IS NULL AND status NOT IN ('refused', 'withdrawn', 'stopped', 'returned')`);

    await q.query(`
      CREATE TABLE dossier_step (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL,
        step_id varchar(64) NOT NULL,
        unit_id uuid NOT NULL,
        assignee_id uuid,
        started_at timestamptz NOT NULL,
        started_by uuid,
        due_at timestamptz,
        finished_at timestamptz,
        finished_by uuid,
        on_time boolean,
        due_soon_at timestamptz,
        overdue_at timestamptz,
        note text,
        CONSTRAINT fk_dossier_step_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id),
        CONSTRAINT fk_dossier_step_unit FOREIGN KEY (unit_id) REFERENCES agency_unit(id),
        CONSTRAINT fk_dossier_step_assignee FOREIGN KEY (assignee_id) REFERENCES official(id),
        CONSTRAINT ck_dossier_step_finished CHECK (finished_at IS NULL OR finished_at >= started_at),
        CONSTRAINT ck_dossier_step_on_time CHECK (on_time IS NULL OR finished_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX idx_dossier_step_dossier ON dossier_step (dossier_id, id)`);
    // At most one open step per dossier.
    await q.query(
      `CREATE UNIQUE INDEX uq_dossier_step_open ON dossier_step (dossier_id) WHERE finished_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX idx_dossier_step_sla ON dossier_step (due_at) WHERE finished_at IS NULL AND overdue_at IS NULL AND due_at IS NOT NULL`,
    );
    await q.query(`
      INSERT INTO dossier_step (dossier_id, step_id, unit_id, started_at)
      SELECT id, current_step_id, current_unit_id, submitted_at FROM dossier WHERE status NOT IN ('refused', 'withdrawn', 'stopped', 'returned')`);

    await q.query(`
      CREATE TABLE dossier_clock_pause (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL,
        reason varchar(32) NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        CONSTRAINT fk_dossier_clock_pause_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id),
        CONSTRAINT ck_dossier_clock_pause_reason CHECK (reason IN ('supplement', 'payment')),
        CONSTRAINT ck_dossier_clock_pause_interval CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await q.query(
      `CREATE INDEX idx_dossier_clock_pause_dossier ON dossier_clock_pause (dossier_id, started_at)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_dossier_clock_pause_open ON dossier_clock_pause (dossier_id) WHERE ended_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE dossier_apology (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        status varchar(16) NOT NULL,
        reason text NOT NULL,
        original_due_at timestamptz NOT NULL,
        proposed_due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        issued_at timestamptz,
        issued_by uuid,
        CONSTRAINT fk_dossier_apology_dossier FOREIGN KEY (dossier_id) REFERENCES dossier(id),
        CONSTRAINT fk_dossier_apology_issued_by FOREIGN KEY (issued_by) REFERENCES official(id),
        CONSTRAINT ck_dossier_apology_status CHECK (status IN ('draft', 'issued')),
        CONSTRAINT ck_dossier_apology_issued CHECK ((status = 'issued') = (issued_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idx_dossier_apology_dossier ON dossier_apology (dossier_id, created_at)`);
    // The SLA job drafts at most one open letter per dossier, whatever the number of runs.
    await q.query(
      `CREATE UNIQUE INDEX uq_dossier_apology_draft ON dossier_apology (dossier_id) WHERE status = 'draft'`,
    );

    await q.query(`
      CREATE TABLE calendar_day (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        kind varchar(16) NOT NULL,
        name varchar(255) NOT NULL,
        effective_from date,
        source varchar(500),
        updated_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_calendar_day_date UNIQUE (date),
        CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('day_off', 'working_day')),
        CONSTRAINT fk_calendar_day_updated_by FOREIGN KEY (updated_by) REFERENCES official(id)
      )`);

    // Any insert path gets the definition in force (a procedure's own mapping first, else the
    // default), its intake step and the receiving unit as holder.
    await q.query(`
      CREATE FUNCTION dossier_pin_workflow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.workflow_definition_id IS NULL THEN
          SELECT pw.workflow_definition_id INTO NEW.workflow_definition_id
            FROM procedure_workflow pw
           WHERE (pw.procedure_id = NEW.procedure_id OR pw.procedure_id IS NULL) AND pw.effective_from <= NEW.submitted_at
           ORDER BY (pw.procedure_id IS NULL), pw.effective_from DESC
           LIMIT 1;
          IF NEW.workflow_definition_id IS NULL THEN
            RAISE EXCEPTION 'no workflow definition in force for procedure %', NEW.procedure_id USING ERRCODE = 'not_null_violation';
          END IF;
        END IF;
        IF NEW.current_step_id IS NULL THEN
          SELECT s->>'id' INTO NEW.current_step_id
            FROM workflow_definition w, jsonb_array_elements(w.definition->'steps') s
           WHERE w.id = NEW.workflow_definition_id AND s->>'kind' = 'intake'
           LIMIT 1;
        END IF;
        NEW.current_unit_id := COALESCE(NEW.current_unit_id, NEW.receiving_agency_id);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_dossier_pin_workflow BEFORE INSERT ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_pin_workflow()`,
    );
    // Mẫu 05: the first hand-over (applicant → the receiving unit's desk) starts at submission.
    await q.query(`
      CREATE FUNCTION dossier_open_first_step() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dossier_step (dossier_id, step_id, unit_id, assignee_id, started_at)
        VALUES (NEW.id, NEW.current_step_id, NEW.current_unit_id, NEW.assignee_id, NEW.submitted_at);
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_dossier_open_first_step AFTER INSERT ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_open_first_step()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_dossier_open_first_step ON dossier`);
    await q.query(`DROP FUNCTION dossier_open_first_step()`);
    await q.query(`DROP TRIGGER trg_dossier_pin_workflow ON dossier`);
    await q.query(`DROP FUNCTION dossier_pin_workflow()`);
    await q.query(`DROP TABLE calendar_day`);
    await q.query(`DROP TABLE dossier_apology`);
    await q.query(`DROP TABLE dossier_clock_pause`);
    await q.query(`DROP TABLE dossier_step`);
    await q.query(`DROP INDEX idx_dossier_sla`);
    await q.query(`DROP INDEX idx_dossier_assignee`);
    await q.query(`DROP INDEX idx_dossier_inbox_open`);
    await q.query(`DROP INDEX idx_dossier_inbox`);
    await q.query(`
      ALTER TABLE dossier
        DROP COLUMN workflow_definition_id, DROP COLUMN current_step_id, DROP COLUMN current_unit_id, DROP COLUMN assignee_id,
        DROP COLUMN clock_paused_at, DROP COLUMN paused_ms, DROP COLUMN due_soon_at, DROP COLUMN overdue_at, DROP COLUMN closed_at`);
    await q.query(`DROP TABLE procedure_workflow`);
    await q.query(`DROP TABLE workflow_definition`);
    await q.query(`DROP FUNCTION workflow_definition_guard()`);
  }
}

/** DEFAULT_WORKFLOW v1 as shipped with this migration (merged migrations never change). */
const DEFAULT_WORKFLOW_V1 = {
  id: 'mot-cua.mac-dinh',
  version: 1,
  name: 'Quy trình một cửa mặc định',
  steps: [
    {
      id: 'intake',
      name: 'Tiếp nhận hồ sơ',
      kind: 'intake',
      owner: {
        role: 'intake_officer',
        unit: 'receiving',
      },
      share: 0,
      status: 'submitted',
    },
    {
      id: 'processing',
      name: 'Thẩm định, xử lý hồ sơ',
      kind: 'processing',
      owner: {
        role: 'specialist',
        unit: 'receiving',
      },
      share: 0.7,
      status: 'processing',
    },
    {
      id: 'approval',
      name: 'Lãnh đạo phê duyệt',
      kind: 'approval',
      owner: {
        role: 'leader',
        unit: 'receiving',
      },
      share: 0.3,
      status: 'awaiting_approval',
    },
    {
      id: 'return',
      name: 'Trả kết quả',
      kind: 'return',
      owner: {
        role: 'intake_officer',
        unit: 'receiving',
      },
      status: 'result_ready',
    },
    {
      id: 'returned',
      name: 'Đã trả kết quả',
      kind: 'end',
      status: 'returned',
    },
    {
      id: 'refused',
      name: 'Không tiếp nhận hồ sơ',
      kind: 'end',
      status: 'refused',
    },
    {
      id: 'withdrawn',
      name: 'Công dân rút hồ sơ',
      kind: 'end',
      status: 'withdrawn',
    },
    {
      id: 'stopped',
      name: 'Dừng xử lý hồ sơ',
      kind: 'end',
      status: 'stopped',
    },
  ],
  transitions: [
    {
      from: 'intake',
      action: 'accept',
      to: 'processing',
      toStatus: 'received',
    },
    {
      from: 'intake',
      action: 'refuse',
      to: 'refused',
      requiresNote: true,
    },
    {
      from: 'intake',
      fromStatus: 'submitted',
      action: 'request_supplement',
      to: 'intake',
      toStatus: 'supplement_requested',
      requiresNote: true,
      pausesClock: true,
    },
    {
      from: 'intake',
      fromStatus: 'supplement_requested',
      action: 'supplement_received',
      to: 'intake',
      toStatus: 'submitted',
      roles: ['intake_officer'],
      resumesClock: true,
    },
    {
      from: 'intake',
      fromStatus: 'supplement_requested',
      action: 'refuse',
      to: 'refused',
      requiresNote: true,
    },
    {
      from: 'processing',
      fromStatus: 'received',
      action: 'assign',
      to: 'processing',
      toStatus: 'processing',
      roles: ['leader', 'specialist'],
    },
    {
      from: 'processing',
      fromStatus: 'processing',
      action: 'assign',
      to: 'processing',
      roles: ['leader', 'specialist'],
    },
    {
      from: 'processing',
      fromStatus: 'processing',
      action: 'reassign',
      to: 'processing',
      roles: ['leader'],
    },
    {
      from: 'processing',
      fromStatus: 'processing',
      action: 'request_supplement',
      to: 'processing',
      toStatus: 'supplement_requested',
      requiresNote: true,
      pausesClock: true,
    },
    {
      from: 'processing',
      fromStatus: 'supplement_requested',
      action: 'supplement_received',
      to: 'processing',
      toStatus: 'processing',
      roles: ['intake_officer', 'specialist'],
      resumesClock: true,
    },
    {
      from: 'processing',
      fromStatus: 'processing',
      action: 'request_payment',
      to: 'processing',
      toStatus: 'payment_requested',
      pausesClock: true,
    },
    {
      from: 'processing',
      fromStatus: 'payment_requested',
      action: 'payment_received',
      to: 'processing',
      toStatus: 'processing',
      roles: ['intake_officer', 'specialist'],
      resumesClock: true,
    },
    {
      from: 'processing',
      action: 'submit_for_approval',
      to: 'approval',
    },
    {
      from: 'processing',
      fromStatus: 'processing',
      action: 'stop',
      to: 'stopped',
      roles: ['leader'],
      requiresNote: true,
    },
    {
      from: 'approval',
      action: 'approve',
      to: 'return',
    },
    {
      from: 'approval',
      action: 'send_back',
      to: 'processing',
      requiresNote: true,
    },
    {
      from: 'approval',
      fromStatus: 'awaiting_approval',
      action: 'stop',
      to: 'stopped',
      roles: ['leader'],
      requiresNote: true,
    },
    {
      from: 'return',
      action: 'return_result',
      to: 'returned',
    },
    {
      from: 'intake',
      fromStatus: 'submitted',
      action: 'request_withdrawal',
      to: 'intake',
      toStatus: 'withdrawal_requested',
      roles: ['intake_officer'],
    },
    {
      from: 'intake',
      fromStatus: 'supplement_requested',
      action: 'request_withdrawal',
      to: 'intake',
      toStatus: 'withdrawal_requested',
      roles: ['intake_officer'],
    },
    {
      from: 'processing',
      fromStatus: 'received',
      action: 'request_withdrawal',
      to: 'processing',
      toStatus: 'withdrawal_requested',
      roles: ['intake_officer'],
    },
    {
      from: 'processing',
      fromStatus: 'processing',
      action: 'request_withdrawal',
      to: 'processing',
      toStatus: 'withdrawal_requested',
      roles: ['intake_officer'],
    },
    {
      from: 'processing',
      fromStatus: 'supplement_requested',
      action: 'request_withdrawal',
      to: 'processing',
      toStatus: 'withdrawal_requested',
      roles: ['intake_officer'],
    },
    {
      from: 'processing',
      fromStatus: 'payment_requested',
      action: 'request_withdrawal',
      to: 'processing',
      toStatus: 'withdrawal_requested',
      roles: ['intake_officer'],
    },
    {
      from: 'approval',
      fromStatus: 'awaiting_approval',
      action: 'request_withdrawal',
      to: 'approval',
      toStatus: 'withdrawal_requested',
      roles: ['intake_officer'],
    },
    {
      from: 'intake',
      fromStatus: 'withdrawal_requested',
      action: 'record_withdrawal',
      to: 'withdrawn',
      roles: ['intake_officer', 'leader'],
      requiresNote: true,
    },
    {
      from: 'processing',
      fromStatus: 'withdrawal_requested',
      action: 'record_withdrawal',
      to: 'withdrawn',
      roles: ['intake_officer', 'leader'],
      requiresNote: true,
    },
    {
      from: 'approval',
      fromStatus: 'withdrawal_requested',
      action: 'record_withdrawal',
      to: 'withdrawn',
      roles: ['intake_officer', 'leader'],
      requiresNote: true,
    },
  ],
} as const;

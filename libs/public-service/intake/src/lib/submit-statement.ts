/**
 * An online submission as ONE SQL statement (data-modifying CTEs), committed on its own: the
 * dossier with its first history entry, its documents, the claim of its fresh uploads, the removal
 * of the citizen's draft and the outbox row of its first status sync.
 *
 * The dossier is inserted with a provisional code carrying the code's shape
 * (`~<prefix>#<minimum digits>#<random>`); the deferred trigger `trg_dossier_number_at_commit`
 * (migration 1764000013000) numbers it at commit. Every submission to a unit on a day waits on that
 * unit's counter row (TT 01/2018 art. 19 wants the sequence without gaps), so the row is locked only
 * by the commit — never across round trips to the API, whose event loop serves the other requests.
 * One statement is atomic like the transaction it replaces: a failing insert (a duplicate
 * Idempotency-Key, an upload another dossier took — `uq_dossier_document_upload`) leaves nothing,
 * and no number is taken.
 *
 * Nothing is inserted when the citizen or the agency row does not exist, or when the version is no
 * longer the procedure's current published one (the API may have read it earlier): the statement then
 * returns no row. `bench/intake.bench.mjs` runs this very text with pgbench.
 *
 * Parameters: $1 agency code, $2 code prefix, $3 minimum digits, $4 procedure id, $5 procedure
 * version id, $6 citizen id, $7 form data (jsonb), $8 submitted at, $9 received at, $10 due at,
 * $11 Idempotency-Key, $12 first event's data (jsonb), $13 documents (jsonb array of dossier_document
 * columns), $14 fresh upload ids (uuid[]), $15 outbox topic.
 */
export const SUBMIT_DOSSIER_SQL = `
WITH who AS (
  SELECT a.id AS agency_id, c.id AS citizen_id, c.full_name, c.identity_number, c.phone, c.email
  FROM agency_unit a, citizen c, procedure p, procedure_version v
  WHERE a.code = $1 AND c.id = $6
    AND p.id = $4 AND p.current_version_id = $5 AND v.id = $5 AND v.status = 'published'
), d AS (
  INSERT INTO dossier (code, procedure_id, procedure_version_id, receiving_agency_id, applicant_citizen_id, applicant_name,
    applicant_identity_number, applicant_phone, applicant_email, form_data, status, channel, submitted_at, received_at, due_at,
    idempotency_key)
  SELECT '~' || $2::text || '#' || $3::int || '#' || replace(gen_random_uuid()::text, '-', ''), $4::uuid, $5::uuid, who.agency_id, who.citizen_id, who.full_name,
    who.identity_number, who.phone, who.email, $7::jsonb, 'submitted', 'online', $8::timestamptz, $9::timestamptz, $10::timestamptz,
    $11::varchar
  FROM who
  RETURNING id, code, receiving_agency_id, applicant_name, applicant_identity_number, applicant_phone, applicant_email,
    form_data, submitted_at, received_at, due_at, created_at, updated_at
), event AS (
  INSERT INTO dossier_event (dossier_id, type, actor_kind, actor_id, from_status, to_status, note, at, data)
  SELECT d.id, 'submitted', 'citizen', $6::uuid, NULL, 'submitted', NULL, $8::timestamptz, $12::jsonb FROM d
), documents AS (
  INSERT INTO dossier_document (dossier_id, document_code, name, attachment_id, file_name, media_type, size_bytes, sha256, source,
    reused_from_document_id)
  SELECT d.id, x.document_code, x.name, x.attachment_id, x.file_name, x.media_type, x.size_bytes, x.sha256, x.source,
    x.reused_from_document_id
  FROM d, jsonb_to_recordset($13::jsonb) AS x(document_code varchar, name varchar, attachment_id uuid, file_name varchar,
    media_type varchar, size_bytes bigint, sha256 char(64), source varchar, reused_from_document_id uuid)
), uploads AS (
  UPDATE attachment SET dossier_id = d.id FROM d WHERE attachment.id = ANY($14::uuid[])
), draft AS (
  DELETE FROM dossier_draft USING d WHERE dossier_draft.citizen_id = $6::uuid AND dossier_draft.procedure_id = $4::uuid
), outbox AS (
  INSERT INTO outbox_message (topic, aggregate_type, aggregate_id, payload)
  SELECT $15::varchar, 'dossier', d.id, jsonb_build_object('dossierId', d.id) FROM d
)
SELECT d.* FROM d`;

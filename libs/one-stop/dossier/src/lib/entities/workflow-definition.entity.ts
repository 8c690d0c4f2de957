import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A versioned workflow definition (quy trình xử lý), stored as JSON data. A dossier pins the row it
 * started with; a trigger refuses to change or delete a row that dossiers use.
 */
@Entity('workflow_definition')
@Unique('uq_workflow_definition_code_version', ['code', 'version'])
@Check('ck_workflow_definition_version', `version >= 1`)
@Check(
  'ck_workflow_definition_identity',
  `definition->>'id' = code AND (definition->>'version')::int = version`,
)
export class WorkflowDefinitionRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The definition's `id`, e.g. `mot-cua.mac-dinh`. */
  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  /** The definition (`WorkflowDefinition` of `@dvc/one-stop/workflow`). */
  @Column({ type: 'jsonb' }) definition!: Record<string, any>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

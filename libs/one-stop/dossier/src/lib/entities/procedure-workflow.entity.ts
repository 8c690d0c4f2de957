import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { WorkflowDefinitionRow } from './workflow-definition.entity';

/**
 * Which workflow definition new dossiers of a procedure get from an instant on; `procedureId` null
 * is the default of every procedure. The catalog's own tables are not altered.
 */
@Entity('procedure_workflow')
@Index('uq_procedure_workflow', { synchronize: false })
@Index('idx_procedure_workflow_lookup', { synchronize: false })
export class ProcedureWorkflow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) procedureId!: string | null;
  // The catalog is a public-service lib, which one-stop libs do not import: target named by string.
  @ManyToOne('Procedure', { nullable: true })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_procedure_workflow_procedure' })
  procedure?: unknown;
  @Column({ type: 'uuid' }) workflowDefinitionId!: string;
  @ManyToOne(() => WorkflowDefinitionRow)
  @JoinColumn({
    name: 'workflow_definition_id',
    foreignKeyConstraintName: 'fk_procedure_workflow_definition',
  })
  workflowDefinition?: Relation<WorkflowDefinitionRow>;
  @Column({ type: 'timestamptz' }) effectiveFrom!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

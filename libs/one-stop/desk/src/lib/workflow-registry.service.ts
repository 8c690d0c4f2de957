import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WorkflowDefinitionRow } from '@dvc/one-stop/dossier';
import {
  DEFAULT_WORKFLOW,
  INTER_AGENCY_WORKFLOW,
  validateDefinition,
  type WorkflowDefinition,
} from '@dvc/one-stop/workflow';
import { AppError } from '@dvc/shared/contracts';

/** A stored definition with its row id. */
export interface PinnedWorkflow {
  rowId: string;
  definition: WorkflowDefinition;
}

/** The definitions shipped with the product; stored (if missing) when the API starts. */
export const BUILT_IN_WORKFLOWS: readonly WorkflowDefinition[] = [DEFAULT_WORKFLOW, INTER_AGENCY_WORKFLOW];

/**
 * Stored workflow definitions. A row used by a dossier never changes (a trigger guards it), so
 * definitions are cached by row id for the life of the process.
 */
@Injectable()
export class WorkflowRegistry {
  private readonly logger = new Logger(WorkflowRegistry.name);
  private readonly cache = new Map<string, WorkflowDefinition>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(rowId: string): Promise<WorkflowDefinition> {
    const hit = this.cache.get(rowId);
    if (hit) return hit;
    // Plain SQL: the worker's data source does not map the desk's entities.
    const [row]: Pick<WorkflowDefinitionRow, 'definition'>[] = await this.db.query(
      `SELECT definition FROM workflow_definition WHERE id = $1`,
      [rowId],
    );
    if (!row) throw new AppError('WORKFLOW_NOT_FOUND');
    const definition = row.definition as WorkflowDefinition;
    this.cache.set(rowId, definition);
    return definition;
  }

  /**
   * Stores the built-in definitions that are not stored yet (by code and version). A stored
   * version that differs from the shipped one is reported, never overwritten: change a definition
   * by adding a version.
   */
  async ensureBuiltIns(): Promise<void> {
    for (const def of BUILT_IN_WORKFLOWS) {
      const valid = validateDefinition(def);
      if (!valid.ok) {
        this.logger.error(
          { workflow: def.id, version: def.version, errors: valid.errors },
          'built-in workflow definition is invalid',
        );
        continue;
      }
      await this.db.query(
        `INSERT INTO workflow_definition (code, version, name, definition) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (code, version) DO NOTHING`,
        [def.id, def.version, def.name, JSON.stringify(def)],
      );
      const [row]: { same: boolean }[] = await this.db.query(
        `SELECT definition = $3::jsonb AS same FROM workflow_definition WHERE code = $1 AND version = $2`,
        [def.id, def.version, JSON.stringify(def)],
      );
      if (!row?.same) {
        this.logger.warn(
          { workflow: def.id, version: def.version },
          'stored workflow definition differs from the shipped one; bump its version',
        );
      }
    }
  }
}

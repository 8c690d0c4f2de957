import { Module } from '@nestjs/common';
import { DeskSlaModule } from '@dvc/one-stop/desk';
import { SlaProcessor } from './sla.processor';
import { SlaSchedules } from './sla-schedules';

/** The desk's deadline watch: flags due-soon and overdue dossiers and steps, drafts Mẫu 04. */
@Module({
  imports: [DeskSlaModule],
  providers: [SlaProcessor, SlaSchedules],
})
export class SlaWorkerModule {}

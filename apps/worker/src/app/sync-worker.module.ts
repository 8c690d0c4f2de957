import { Module } from '@nestjs/common';
import { metricsRegistry } from '@dvc/platform/observability';
import { NationalPortalModule } from '@dvc/platform/national-portal';
import { OutboxRelayService } from './outbox-relay.service';
import { SyncProcessor } from './sync.processor';
import { SyncSchedules } from './sync-schedules';

/** Outbox relay, national-portal sync processor and its reconciliation schedule. */
@Module({
  imports: [NationalPortalModule.forWorker({ registry: metricsRegistry })],
  providers: [OutboxRelayService, SyncProcessor, SyncSchedules],
})
export class SyncWorkerModule {}

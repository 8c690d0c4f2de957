import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * Per-dossier state of the status sync with the national portal. The version of a dossier is the
 * number of its `dossier.status.changed` outbox rows; a send carries the dossier's current state
 * with that version, and the portal drops versions it already has.
 */
@Entity('dossier_sync_state')
@Check('ck_dossier_sync_state_versions', `version_sent >= 0 AND version_acked >= 0 AND attempts >= 0`)
@Index('idx_dossier_sync_state_dead', { synchronize: false })
@Index('idx_dossier_sync_state_verified', { synchronize: false })
export class DossierSyncState {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_dossier_sync_state' }) dossierId!: string;
  // Target named by string: platform libs do not import the one-stop dossier lib.
  @ManyToOne('Dossier')
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_sync_state_dossier' })
  dossier?: unknown;
  /** Highest version handed to the portal (acknowledged or not). */
  @Column({ type: 'integer', default: 0 }) versionSent!: number;
  /** Highest version the portal acknowledged (error_code 0). */
  @Column({ type: 'integer', default: 0 }) versionAcked!: number;
  /** TrangThaiHoSo of the last acknowledged send. */
  @Column({ type: 'smallint', nullable: true }) lastStatusCode!: number | null;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  /** Consecutive failed sends; 0 after a success. */
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  /** Set when retries ran out or the portal refused the data; cleared by a success or a replay. */
  @Column({ type: 'timestamptz', nullable: true }) deadLetteredAt!: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) lastJobId!: string | null;
  /** One sender per dossier at a time: the lease holder and its expiry (survives a killed worker). */
  @Column({ type: 'varchar', length: 64, nullable: true }) leaseOwner!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) ackedAt!: Date | null;
  /** Last time the reconciler compared this dossier with TraCuuHoSo. */
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

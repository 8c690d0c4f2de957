import { Check, Unique, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SubjectKind = 'official' | 'citizen';

/**
 * One refresh token of a rotation family. Only the SHA-256 of the token is stored; presenting a
 * token that was already rotated revokes the whole family (theft detection).
 */
@Entity('refresh_token')
@Unique('uq_refresh_token_hash', ['tokenHash'])
@Check('ck_refresh_token_subject_kind', `subject_kind IN ('official', 'citizen')`)
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16 }) subjectKind!: SubjectKind;
  @Column({ type: 'uuid' }) subjectId!: string;
  @Index('idx_refresh_token_family', { synchronize: false })
  @Column({ type: 'uuid' })
  familyId!: string;
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;
  @Index('idx_refresh_token_expires', { synchronize: false })
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) replacedById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

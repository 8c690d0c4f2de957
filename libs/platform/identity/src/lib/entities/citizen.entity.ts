import { Check, Unique, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person, keyed by the 12-digit personal identification number (số định danh cá nhân). */
@Entity('citizen')
@Unique('uq_citizen_identity_number', ['identityNumber'])
@Check('ck_citizen_identity_number', `identity_number ~ '^[0-9]{12}$'`)
@Unique('uq_citizen_oidc_subject', ['oidcSubject'])
export class Citizen {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 12 })
  identityNumber!: string;
  @Column({ type: 'text', nullable: true }) passwordHash!: string | null;
  @Column({ type: 'varchar', length: 255 }) fullName!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) email!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true })
  oidcSubject!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

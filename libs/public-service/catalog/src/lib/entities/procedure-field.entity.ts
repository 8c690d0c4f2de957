import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Lĩnh vực: the field a procedure belongs to (Hộ tịch, Xây dựng…). */
@Entity('procedure_field')
export class ProcedureField {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
}

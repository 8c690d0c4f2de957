import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, AgencyUnitDto } from '@dvc/shared/contracts';
import { AgencyUnit } from './entities';

export function toAgencyDto(a: AgencyUnit): AgencyUnitDto {
  return { id: a.id, code: a.code, name: a.name, level: a.level, parentId: a.parentId };
}

@Injectable()
export class AgencyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<AgencyUnitDto[]> {
    const rows = await this.db.getRepository(AgencyUnit).find({ order: { code: 'ASC' } });
    return rows.map(toAgencyDto);
  }

  async getByCode(code: string): Promise<AgencyUnit> {
    const a = await this.db.getRepository(AgencyUnit).findOneBy({ code });
    if (!a) throw new AppError('AGENCY_NOT_FOUND', `Mã đơn vị ${code}`);
    return a;
  }

  async getById(id: string): Promise<AgencyUnit> {
    const a = await this.db.getRepository(AgencyUnit).findOneBy({ id });
    if (!a) throw new AppError('AGENCY_NOT_FOUND');
    return a;
  }

  /** The unit and all units below it (recursive), i.e. the units an official of `unitId` serves. */
  async subtreeIds(unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH RECURSIVE t AS (
         SELECT id FROM agency_unit WHERE id = $1
         UNION ALL SELECT a.id FROM agency_unit a JOIN t ON a.parent_id = t.id)
       SELECT id FROM t`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }
}

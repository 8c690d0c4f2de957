import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DossierEvent } from '@dvc/one-stop/dossier';
import type { OfficialPrincipal } from '@dvc/platform/identity';
import { AppError, type ApologyLetterDto } from '@dvc/shared/contracts';
import { DeskQueryService } from './desk-query.service';
import { deskUnits, UUID } from './desk-scope';
import type { IssueApologyDto } from './dto/desk.dto';

/**
 * Issuing Mẫu 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả): a leader or the one-stop desk of the
 * unit holding the dossier completes the reason, may change the proposed date, and issues it.
 */
@Injectable()
export class DeskApologyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queries: DeskQueryService,
  ) {}

  async issue(
    p: OfficialPrincipal,
    dossierId: string,
    apologyId: string,
    dto: IssueApologyDto,
    now = new Date(),
  ): Promise<ApologyLetterDto> {
    const d = await this.queries.visibleRow(p, dossierId);
    if (!UUID.test(apologyId)) throw new AppError('APOLOGY_NOT_FOUND');
    if (
      !deskUnits(p).includes(d.current_unit_id) ||
      !p.roles.some((r) => r === 'leader' || r === 'intake_officer')
    ) {
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        'Chỉ lãnh đạo hoặc cán bộ một cửa của đơn vị đang giữ hồ sơ mới phát hành phiếu xin lỗi',
      );
    }
    const proposed = dto.proposedDueAt ? new Date(dto.proposedDueAt) : null;
    if (proposed && proposed.getTime() <= now.getTime()) {
      throw new AppError('VALIDATION_FAILED', 'Ngày hẹn mới phải sau thời điểm hiện tại', [
        { field: 'proposedDueAt', message: 'Ngày hẹn mới phải sau thời điểm hiện tại' },
      ]);
    }
    await this.db.transaction(async (tx) => {
      const [rows]: [{ id: string; proposed_due_at: Date }[], number] = await tx.query(
        `UPDATE dossier_apology SET status = 'issued', reason = $3, proposed_due_at = COALESCE($4, proposed_due_at), issued_at = $5, issued_by = $6
          WHERE id = $1 AND dossier_id = $2 AND status = 'draft' RETURNING id, proposed_due_at`,
        [apologyId, dossierId, dto.reason.trim(), proposed, now, p.id],
      );
      if (rows.length === 0) {
        const [exists] = await tx.query(
          `SELECT status FROM dossier_apology WHERE id = $1 AND dossier_id = $2`,
          [apologyId, dossierId],
        );
        throw new AppError(exists ? 'APOLOGY_ALREADY_ISSUED' : 'APOLOGY_NOT_FOUND');
      }
      await tx.insert(DossierEvent, {
        dossierId,
        type: 'apology_issued',
        actorKind: 'official',
        actorId: p.id,
        fromStatus: null,
        toStatus: null,
        note: dto.reason.trim(),
        at: now,
        data: { form: 'Mẫu 04', apologyId, proposedDueAt: new Date(rows[0]!.proposed_due_at).toISOString() },
      });
    });
    const list = await this.queries.apologies(p, dossierId);
    return list.find((a) => a.id === apologyId)!;
  }
}

import type { AgencyLevel, RequiredDocument } from '@dvc/shared/contracts';

/** How a dossier component must be supplied. */
export const DOCUMENT_FORM_LABELS: Record<RequiredDocument['form'], string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
  original_or_copy: 'Bản chính hoặc bản sao',
};

export const APPLICANT_TYPE_LABELS: Record<'citizen' | 'business', string> = {
  citizen: 'Cá nhân',
  business: 'Tổ chức, doanh nghiệp',
};

export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  central: 'Trung ương',
  province: 'Cấp tỉnh',
  department: 'Sở, ban, ngành',
  commune: 'Cấp xã',
};

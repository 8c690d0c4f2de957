export const OFFICIAL_ROLES = ['intake_officer', 'specialist', 'leader', 'agency_admin', 'system_admin'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export const ROLE_LABELS: Record<OfficialRole, string> = {
  intake_officer: 'Cán bộ tiếp nhận',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo',
  agency_admin: 'Quản trị đơn vị',
  system_admin: 'Quản trị hệ thống',
};

/** Government levels after the 2025 reform: province and commune (no district). */
export type AgencyLevel = 'central' | 'province' | 'department' | 'commune';

export interface AgencyUnitDto {
  id: string;
  /** Electronic identifier per QCVN 102:2016/BTTTT, e.g. 000.00.13.H56. */
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: string | null;
}

export interface OfficialProfile {
  kind: 'official';
  id: string;
  username: string;
  fullName: string;
  roles: OfficialRole[];
  agency: AgencyUnitDto;
}

export interface CitizenProfile {
  kind: 'citizen';
  id: string;
  /** 12-digit personal identification number (số định danh cá nhân). */
  identityNumber: string;
  fullName: string;
  phone: string | null;
  email: string | null;
}

export interface LoginResponse<P> {
  accessToken: string;
  /** Seconds until the access token expires; refresh through the httpOnly cookie. */
  expiresIn: number;
  profile: P;
}

export interface OfficialLoginRequest {
  username: string;
  password: string;
}

export interface CitizenLoginRequest {
  identityNumber: string;
  password: string;
}

export interface CitizenRegisterRequest {
  identityNumber: string;
  fullName: string;
  password: string;
  phone?: string;
  email?: string;
}

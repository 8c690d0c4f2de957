import type { AgencyLevel, OfficialRole } from '@dvc/shared/contracts';

/**
 * Demo agency tree of a fictitious province (H99 is not a real province code), organised by the
 * two-level local government in force since 1/7/2025: province and commune, no district.
 */
export const DEMO_AGENCIES: { code: string; name: string; level: AgencyLevel; parentCode: string | null }[] = [
  { code: '000.00.00.H99', name: 'UBND tỉnh Demo', level: 'province', parentCode: null },
  { code: '000.00.01.H99', name: 'Trung tâm Phục vụ hành chính công tỉnh', level: 'department', parentCode: '000.00.00.H99' },
  { code: '000.00.11.H99', name: 'Sở Tư pháp', level: 'department', parentCode: '000.00.00.H99' },
  { code: '000.00.12.H99', name: 'Sở Xây dựng', level: 'department', parentCode: '000.00.00.H99' },
  { code: '000.00.13.H99', name: 'Sở Tài chính', level: 'department', parentCode: '000.00.00.H99' },
  { code: '000.00.14.H99', name: 'Công an tỉnh', level: 'department', parentCode: '000.00.00.H99' },
  { code: '000.31.00.H99', name: 'UBND phường Bình Minh', level: 'commune', parentCode: '000.00.00.H99' },
  { code: '000.32.00.H99', name: 'UBND xã Tân Lập', level: 'commune', parentCode: '000.00.00.H99' },
  { code: '000.33.00.H99', name: 'UBND xã Hòa An', level: 'commune', parentCode: '000.00.00.H99' },
];

/** Demo password of every seeded account; never used outside development. */
export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_OFFICIALS: { username: string; fullName: string; roles: OfficialRole[]; agencyCode: string }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', roles: ['system_admin'], agencyCode: '000.00.00.H99' },
  { username: 'quantri.tinh', fullName: 'Trần Thị Quản Trị', roles: ['agency_admin'], agencyCode: '000.00.00.H99' },
  { username: 'tiepnhan.tinh', fullName: 'Lê Văn Tiếp Nhận', roles: ['intake_officer'], agencyCode: '000.00.01.H99' },
  { username: 'chuyenvien.stp', fullName: 'Phạm Thị Chuyên Viên', roles: ['specialist'], agencyCode: '000.00.11.H99' },
  { username: 'lanhdao.stp', fullName: 'Hoàng Văn Lãnh Đạo', roles: ['leader'], agencyCode: '000.00.11.H99' },
  { username: 'quantri.stp', fullName: 'Đỗ Thị Quản Trị Sở', roles: ['agency_admin'], agencyCode: '000.00.11.H99' },
  { username: 'tiepnhan.binhminh', fullName: 'Nguyễn Thị Một Cửa', roles: ['intake_officer'], agencyCode: '000.31.00.H99' },
  { username: 'chuyenvien.binhminh', fullName: 'Vũ Văn Hộ Tịch', roles: ['specialist'], agencyCode: '000.31.00.H99' },
  { username: 'lanhdao.binhminh', fullName: 'Bùi Văn Chủ Tịch', roles: ['leader'], agencyCode: '000.31.00.H99' },
  { username: 'quantri.binhminh', fullName: 'Đặng Thị Quản Trị Phường', roles: ['agency_admin'], agencyCode: '000.31.00.H99' },
];

export const DEMO_CITIZENS = [
  { identityNumber: '001099012345', fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an.nguyen@example.vn' },
  { identityNumber: '079188004321', fullName: 'Trần Thị Bình', phone: '0987654321', email: null },
];

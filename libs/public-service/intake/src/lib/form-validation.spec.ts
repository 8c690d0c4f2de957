import { FormValidator, schemaAt } from './form-validation';

const schema = {
  title: 'Tờ khai',
  type: 'object',
  properties: {
    hoTen: { type: 'string', title: 'Họ và tên', minLength: 1, maxLength: 10 },
    ngaySinh: { type: 'string', format: 'date', title: 'Ngày sinh' },
    email: { type: 'string', format: 'email' },
    gioiTinh: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
    soCon: { type: 'integer', title: 'Số con', minimum: 0, maximum: 20 },
    ghiChu: { type: 'string', title: 'Ghi chú', minLength: 3 },
    me: {
      type: 'object',
      title: 'Thông tin người mẹ',
      properties: { soDinhDanh: { type: 'string', title: 'Số định danh cá nhân của mẹ', pattern: '^[0-9]{12}$' } },
      required: ['soDinhDanh'],
      additionalProperties: false,
    },
    con: { type: 'array', items: { type: 'object', properties: { ten: { type: 'string', title: 'Tên con' } } } },
  },
  required: ['hoTen', 'gioiTinh'],
  additionalProperties: false,
};

describe('FormValidator', () => {
  const v = new FormValidator();
  const check = (data: unknown) => v.validate('v1', schema, data);

  it('accepts valid data', () => {
    expect(check({ hoTen: 'AN', gioiTinh: 'Nam', me: { soDinhDanh: '001099012345' } })).toEqual([]);
  });

  it('names missing required fields by JSON pointer with their title', () => {
    expect(check({ me: {} })).toEqual([
      { field: '/hoTen', message: 'Họ và tên là thông tin bắt buộc' },
      { field: '/gioiTinh', message: 'Giới tính là thông tin bắt buộc' },
      { field: '/me/soDinhDanh', message: 'Số định danh cá nhân của mẹ là thông tin bắt buộc' },
    ]);
  });

  it('maps type, pattern, length, format, enum, minimum and unknown fields to Vietnamese', () => {
    const errors = check({
      hoTen: 'NGUYỄN VĂN AN DÀI',
      gioiTinh: 'Khác',
      ngaySinh: '31/01/2026',
      email: 'not-an-email',
      soCon: -1,
      ghiChu: 'a',
      me: { soDinhDanh: '12ab', x: 1 },
      con: [{ ten: 5 }],
      thua: true,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: '/hoTen', message: 'Họ và tên tối đa 10 ký tự' },
        { field: '/gioiTinh', message: 'Giới tính phải là một trong các giá trị: Nam, Nữ' },
        { field: '/ngaySinh', message: 'Ngày sinh phải là ngày hợp lệ (năm-tháng-ngày, vd. 2026-01-31)' },
        { field: '/email', message: 'email không phải địa chỉ thư điện tử hợp lệ' },
        { field: '/soCon', message: 'Số con phải lớn hơn hoặc bằng 0' },
        { field: '/ghiChu', message: 'Ghi chú phải có ít nhất 3 ký tự' },
        { field: '/me/soDinhDanh', message: 'Số định danh cá nhân của mẹ không đúng định dạng' },
        { field: '/me/x', message: 'Trường "x" không có trong biểu mẫu' },
        { field: '/con/0/ten', message: 'Tên con phải là chuỗi ký tự' },
        { field: '/thua', message: 'Trường "thua" không có trong biểu mẫu' },
      ]),
    );
    expect(errors).toHaveLength(10);
  });

  it('reports an empty required string and a wrong root type', () => {
    expect(check({ hoTen: '', gioiTinh: 'Nam' })).toEqual([{ field: '/hoTen', message: 'Họ và tên không được để trống' }]);
    expect(check([])).toEqual([{ field: '/', message: 'Tờ khai phải là nhóm thông tin' }]);
  });

  it('caches the compiled validator per version id (the same $id may recur)', () => {
    const w = new FormValidator();
    const withId = { ...schema, $id: 'https://example/form' };
    expect(w.validate('a', withId, { hoTen: 'A', gioiTinh: 'Nam' })).toEqual([]);
    expect(w.validate('b', withId, { hoTen: 'A', gioiTinh: 'Nam' })).toEqual([]);
    expect(w.validate('a', withId, {})).toHaveLength(2);
  });

  it('resolves subschemas by pointer', () => {
    expect(schemaAt(schema, '/me/soDinhDanh')?.['title']).toBe('Số định danh cá nhân của mẹ');
    expect(schemaAt(schema, '/con/3/ten')?.['title']).toBe('Tên con');
    expect(schemaAt(schema, '/nope')).toBeUndefined();
  });
});

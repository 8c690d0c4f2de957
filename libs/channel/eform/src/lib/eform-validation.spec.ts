import { cleanEformData, parseViNumber, validateEform } from './eform-validation';
import { FormSchema, normalizePointer, orderedProperties, setAt } from './form-schema';

const person: FormSchema = {
  type: 'object',
  title: 'Thông tin người cha',
  properties: {
    hoTen: { type: 'string', title: 'Họ, chữ đệm, tên người cha', minLength: 1, maxLength: 10 },
    soDinhDanh: { type: 'string', title: 'Số định danh cá nhân của cha', pattern: '^[0-9]{12}$' },
    ngaySinh: { type: 'string', format: 'date', title: 'Ngày sinh' },
  },
  required: ['hoTen', 'soDinhDanh'],
  additionalProperties: false,
};

const schema: FormSchema = {
  type: 'object',
  properties: {
    hoTen: { type: 'string', title: 'Họ tên', minLength: 1, maxLength: 100 },
    gioiTinh: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
    email: { type: 'string', title: 'Thư điện tử', format: 'email' },
    soBan: { type: 'integer', title: 'Số bản', minimum: 1 },
    dienTich: { type: 'number', title: 'Diện tích', minimum: 20 },
    camDoan: { type: 'boolean', title: 'Cam đoan' },
    me: { ...person, title: 'Thông tin người mẹ' },
    cha: person,
  },
  required: ['hoTen', 'gioiTinh', 'soBan', 'me', 'camDoan'],
  additionalProperties: false,
};

describe('e-form validation', () => {
  it('names every missing required field, including inside a required group, in Vietnamese', () => {
    expect(validateEform(schema, {})).toEqual({
      '/hoTen': 'Họ tên là thông tin bắt buộc',
      '/gioiTinh': 'Giới tính là thông tin bắt buộc',
      '/soBan': 'Số bản là thông tin bắt buộc',
      '/me/hoTen': 'Họ, chữ đệm, tên người cha là thông tin bắt buộc',
      '/me/soDinhDanh': 'Số định danh cá nhân của cha là thông tin bắt buộc',
    });
  });

  it('ignores an optional group left empty but checks it once something is filled in', () => {
    const base = { hoTen: 'A', gioiTinh: 'Nam', soBan: 1, me: { hoTen: 'B', soDinhDanh: '001099012345' } };
    expect(validateEform(schema, { ...base, cha: { hoTen: '  ' } })).toEqual({});
    expect(validateEform(schema, { ...base, cha: { ngaySinh: '2026-02-30' } })).toEqual({
      '/cha/hoTen': 'Họ, chữ đệm, tên người cha là thông tin bắt buộc',
      '/cha/soDinhDanh': 'Số định danh cá nhân của cha là thông tin bắt buộc',
      '/cha/ngaySinh': 'Ngày sinh phải là ngày hợp lệ (ngày/tháng/năm)',
    });
  });

  it('checks pattern, lengths, format, enum and numbers', () => {
    const errors = validateEform(schema, {
      hoTen: 'x'.repeat(101),
      gioiTinh: 'Khác',
      email: 'khong-hop-le',
      soBan: 0,
      dienTich: 'mười',
      me: { hoTen: 'Nguyễn Thị Bình', soDinhDanh: '12345' },
    });
    expect(errors).toEqual({
      '/hoTen': 'Họ tên tối đa 100 ký tự (hiện có 101)',
      '/gioiTinh': 'Giới tính phải là một trong các giá trị: Nam, Nữ',
      '/email': 'Thư điện tử không phải địa chỉ thư điện tử hợp lệ',
      '/soBan': 'Số bản phải lớn hơn hoặc bằng 1',
      '/dienTich': 'Diện tích phải là số',
      '/me/hoTen': 'Họ, chữ đệm, tên người cha tối đa 10 ký tự (hiện có 15)',
      '/me/soDinhDanh': 'Số định danh cá nhân của cha không đúng định dạng',
    });
  });

  it('cleans data for the API: trimmed, typed, empty answers and empty optional groups left out', () => {
    expect(
      cleanEformData(schema, {
        hoTen: '  Nguyễn Văn A ',
        email: '',
        soBan: '2',
        dienTich: '25,5',
        me: { hoTen: 'B', soDinhDanh: '001099012345', ngaySinh: '' },
        cha: { hoTen: '' },
        extra: 'dropped',
      }),
    ).toEqual({
      hoTen: 'Nguyễn Văn A',
      soBan: 2,
      dienTich: 25.5,
      camDoan: false,
      me: { hoTen: 'B', soDinhDanh: '001099012345' },
    });
  });

  it('parses numbers typed the Vietnamese way', () => {
    expect(parseViNumber('1.000.000', true)).toBe(1000000);
    expect(parseViNumber('12,5', false)).toBe(12.5);
    expect(parseViNumber('12.5', false)).toBe(12.5);
    expect(parseViNumber('abc', false)).toBeNull();
  });

  it('maps API field paths to pointers and sets nested values immutably', () => {
    expect(normalizePointer('/me/soDinhDanh')).toBe('/me/soDinhDanh');
    expect(normalizePointer('formData.me.soDinhDanh')).toBe('/me/soDinhDanh');
    expect(normalizePointer('/formData/me/soDinhDanh')).toBe('/me/soDinhDanh');
    const a = { me: { hoTen: 'B' } };
    const b = setAt(a, '/me/soDinhDanh', '1');
    expect(b).toEqual({ me: { hoTen: 'B', soDinhDanh: '1' } });
    expect(a).toEqual({ me: { hoTen: 'B' } });
  });
});

describe('property order', () => {
  const props = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, { type: 'string' }]));

  it("keeps the author's order", () => {
    const s: FormSchema = {
      type: 'object',
      properties: props(['hoTenTre', 'ngaySinh', 'me']),
      required: ['me'],
    };
    expect(orderedProperties(s).map(([k]) => k)).toEqual(['hoTenTre', 'ngaySinh', 'me']);
  });

  it('puts required fields first, in their order, when keys come back in jsonb storage order', () => {
    const s: FormSchema = {
      type: 'object',
      properties: props(['me', 'cha', 'danToc', 'queQuan', 'hoTenTre']),
      required: ['hoTenTre', 'danToc', 'me'],
    };
    expect(orderedProperties(s).map(([k]) => k)).toEqual(['hoTenTre', 'danToc', 'me', 'cha', 'queQuan']);
  });
});

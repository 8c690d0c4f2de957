import { foldVietnamese, searchTerms } from './vietnamese';

describe('foldVietnamese', () => {
  it('removes tone marks and hats and maps đ to d', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Cấp lại Giấy phép lái xe')).toBe('cap lai giay phep lai xe');
    expect(foldVietnamese('  ĐĂNG   KÝ  ')).toBe('dang ky');
  });

  it('handles precomposed and decomposed input alike', () => {
    expect(foldVietnamese('ng\u01b0\u1eddi')).toBe(foldVietnamese('ngu\u031b\u0300o\u031bi'));
    expect(foldVietnamese('người')).toBe('nguoi');
  });
});

describe('searchTerms', () => {
  it('splits into folded words and keeps procedure codes', () => {
    expect(searchTerms('Đăng ký, kết hôn!')).toEqual(['dang', 'ky', 'ket', 'hon']);
    expect(searchTerms('thủ tục 1.001193.')).toEqual(['thu', 'tuc', '1.001193']);
  });
});

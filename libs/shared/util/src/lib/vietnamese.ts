/**
 * Folds Vietnamese text for search: lower case, no tone marks or vowel hats, đ → d.
 * "Đăng ký khai sinh" and "dang ky khai sinh" fold to the same string.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a folded search query, keeping letters, digits and dots (procedure codes like 1.001193). */
export function searchTerms(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0);
}

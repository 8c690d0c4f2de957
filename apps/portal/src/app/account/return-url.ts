/** Only same-app paths are followed after login, never another origin (open redirect). */
export function safeReturnUrl(value: string | null | undefined, fallback = '/'): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : fallback;
}

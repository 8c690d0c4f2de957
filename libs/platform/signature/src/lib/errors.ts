/** Error raised by the signing library; `message` is in Vietnamese, `code` is stable for callers. */
export class SignatureError extends Error {
  constructor(
    readonly code:
      | 'CONFIG'
      | 'PKCS12'
      | 'REMOTE_TIMEOUT'
      | 'REMOTE_UNREACHABLE'
      | 'REMOTE_AUTH'
      | 'REMOTE_HTTP'
      | 'REMOTE_RESPONSE'
      | 'CMS'
      | 'PDF'
      | 'TSA',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SignatureError';
  }
}

/**
 * A file a route handler returns instead of JSON, such as a CSV download. The router sends `content` as it is
 * with `contentType` and a `Content-Disposition: attachment` header naming `fileName`.
 */
export class ApiFileResponse {
  /**
   * @param contentType - Media type with charset, e.g. "text/csv; charset=utf-8".
   * @param fileName - Name the browser saves the file under. Non-ASCII characters are sent RFC 5987-encoded.
   * @param content - Body of the response, sent unchanged.
   */
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    readonly content: string,
  ) {}

  /** Headers of the response: content type, length in bytes and the attachment disposition. */
  headers(): Record<string, string> {
    // The plain filename parameter gets an ASCII fallback, and filename* carries the exact UTF-8 name.
    const asciiName = this.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return {
      'Content-Type': this.contentType,
      'Content-Length': String(Buffer.byteLength(this.content, 'utf8')),
      'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(this.fileName)}`,
    };
  }
}

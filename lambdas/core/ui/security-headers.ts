/**
 * Response headers of the review UI. Pages allow only same-origin scripts and styles (no
 * inline script can run even if escaping ever failed); the raw page is served with no network
 * at all and as a sandbox, so it stays inert even when opened outside its frame.
 */

export const UI_PAGE_CSP =
  "default-src 'self'; script-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const RAW_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

const COMMON = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' } as const;

export function pageHeaders(contentType = 'text/html; charset=utf-8'): Record<string, string> {
  return { ...COMMON, 'content-type': contentType, 'content-security-policy': UI_PAGE_CSP, 'cache-control': 'no-store' };
}

export function rawHeaders(contentType: string): Record<string, string> {
  return { ...COMMON, 'content-type': contentType, 'content-security-policy': RAW_PAGE_CSP, 'cache-control': 'no-store' };
}

/** Static files change only with the code; an hour of caching keeps repeat page loads to one request. */
export function staticHeaders(contentType: string): Record<string, string> {
  return { ...COMMON, 'content-type': contentType, 'content-security-policy': UI_PAGE_CSP, 'cache-control': 'public, max-age=3600' };
}

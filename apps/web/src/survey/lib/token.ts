/**
 * The link's token from the address (`/s/<token>`); empty when the address has none. Punctuation that a mail or
 * chat program took along from the end of a sentence is dropped: tokens are base64url and never contain it.
 */
export function tokenFromPath(pathname: string): string {
  const match = /^\/+s\/([^/]+)\/?$/.exec(pathname);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]!).replace(/[.,;:!?)\]}>'"»”’]+$/u, '');
  } catch {
    return '';
  }
}

import { sha256Hex, utf8Encode } from '@socialsafety/instrument';
import type { Answers, Demographics } from './survey-api';

/**
 * The answers as kept in this browser (localStorage), so that nothing is lost when the network or the page goes
 * away. With a personal link the copy exists only while the server does not have the latest answers yet, so a shared
 * computer does not keep someone's answers once they are safe; with an open link it is the only copy until sending.
 */
export interface LocalCopy {
  language: string;
  answers: Answers;
  demographics: Demographics;
  /** This device's clock when the answers last changed. */
  changedAt: string;
  /** The server draft (its updatedAt) these answers continue from; null when there was none. */
  basedOn: string | null;
  /** Made when the person first pressed send; every retry, also after a reload, sends this same one. */
  submissionId?: string;
}

const PREFIX = 'socialsafety.survey.';

/** The link is a credential: the key holds a hash of it, never the link itself. */
export function localCopyKey(token: string): string {
  return PREFIX + sha256Hex(utf8Encode(`local-copy:${token}`)).slice(0, 32);
}

function isCopy(value: unknown): value is LocalCopy {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Partial<LocalCopy>;
  return (
    typeof copy.language === 'string' &&
    typeof copy.answers === 'object' &&
    copy.answers !== null &&
    typeof copy.demographics === 'object' &&
    copy.demographics !== null &&
    typeof copy.changedAt === 'string'
  );
}

// Storage may be switched off or full (private windows, strict settings): the survey then works from memory only.
export function readLocalCopy(key: string): LocalCopy | null {
  try {
    const text = localStorage.getItem(key);
    const parsed: unknown = text === null ? null : JSON.parse(text);
    return isCopy(parsed) ? { ...parsed, basedOn: parsed.basedOn ?? null } : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalCopy(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
}

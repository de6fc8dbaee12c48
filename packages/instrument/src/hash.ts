import { canonicalJson } from './canonical-json';
import type { QuestionnaireDefinition } from './schema';
import { sha256Hex } from './sha256';
import { utf8Encode } from './utf8';

/**
 * SHA-256 (hex) of the canonical JSON of a definition: the fingerprint stored with a published version, so that
 * anyone can check that the questionnaire behind a result set is the one published. Hash the parsed definition
 * (validateQuestionnaire's output): parsing fills in defaults, so an author leaving out `reverse: false` does not
 * change the hash.
 */
export function contentHash(definition: QuestionnaireDefinition): string {
  return sha256Hex(utf8Encode(canonicalJson(definition)));
}

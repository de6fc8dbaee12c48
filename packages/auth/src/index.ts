export { accountStore, AccountError, type Account, type AccountStore, type NewAccount } from './accounts';
export {
  hashPassword,
  passwordProblem,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyDummyPassword,
  verifyPassword,
} from './password';
export { emailFingerprint, hashSecret, newSecret, normaliseEmail, safeEqual } from './secrets';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const SDK_DATE_HEADER = 'X-Sdk-Date';
export const CONTENT_SHA256_HEADER = 'X-Sdk-Content-Sha256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

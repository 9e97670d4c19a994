export {
  SIGNING_ALGORITHM,
  SDK_DATE_HEADER,
  CONTENT_SHA256_HEADER,
  UNSIGNED_PAYLOAD,
  DEFAULT_MAX_SKEW_MS,
} from './constants.js';
export { percentEncode } from './encode.js';
export { formatSdkDate, parseSdkDate } from './sdk-date.js';
export { acceptedCanonicalUris, canonicalUri, canonicalUriFor, pythonUnquote, PATH_STYLES, type PathStyle } from './canonical-uri.js';
export { receivedPayloadHash } from './payload-hash.js';
export {
  canonicalQuery,
  canonicalHeaders,
  canonicalRequest,
  payloadHash,
  sha256Hex,
  type CanonicalRequestInput,
} from './canonical.js';
export { stringToSign, computeSignature } from './signature.js';
export {
  formatAuthorizationHeader,
  parseAuthorizationHeader,
  isSignedRequest,
  type AuthorizationParts,
} from './authorization-header.js';
export type { HeaderValue } from './headers.js';
export { signRequest, type SignableRequest, type Credentials, type SignOptions } from './sign.js';
export {
  verifyRequest,
  type VerifyFailure,
  type VerifyResult,
  type ReceivedRequest,
  type VerifyOptions,
} from './verify.js';

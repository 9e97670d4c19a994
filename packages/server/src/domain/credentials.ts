import { createHash, timingSafeEqual } from 'node:crypto';
import type { Caller } from './caller.js';

export interface TokenGrant {
  token: string;
  domainId: string;
  userName: string;
  groups: string[];
}

export interface AccessKeyGrant {
  accessKey: string;
  secretKey: string;
  domainId: string;
  userName: string;
  groups: string[];
}

/** The credentials the server accepts, each bound to an account and a user. */
export class CredentialRegistry {
  private readonly tokensByDigest = new Map<string, { digest: Buffer; caller: Caller }>();
  private readonly accessKeys = new Map<string, AccessKeyGrant>();

  constructor(tokens: TokenGrant[], accessKeys: AccessKeyGrant[]) {
    for (const t of tokens) {
      const digest = sha256(t.token);
      this.tokensByDigest.set(digest.toString('hex'), {
        digest,
        caller: { domainId: t.domainId, userName: t.userName, groups: t.groups, via: 'token' },
      });
    }
    for (const k of accessKeys) this.accessKeys.set(k.accessKey, k);
  }

  /**
   * The caller a token names. Tokens are looked up by their SHA-256 and the digests compared
   * in constant time, so response timing says nothing about how much of a token was right.
   */
  callerForToken(token: string): Caller | undefined {
    const digest = sha256(token);
    const entry = this.tokensByDigest.get(digest.toString('hex'));
    return entry && timingSafeEqual(entry.digest, digest) ? entry.caller : undefined;
  }

  secretKeyOf(accessKey: string): string | undefined {
    return this.accessKeys.get(accessKey)?.secretKey;
  }

  callerForAccessKey(accessKey: string): Caller | undefined {
    const k = this.accessKeys.get(accessKey);
    return k && { domainId: k.domainId, userName: k.userName, groups: k.groups, via: 'aksk' };
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

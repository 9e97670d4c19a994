/** Who makes a request, whether it came with a token or an AK/SK signature. */
export interface Caller {
  domainId: string;
  userName: string;
  groups: string[];
  via: 'token' | 'aksk';
}

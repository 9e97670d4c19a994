/** Who makes a request, whether it came with a token or an AK/SK signature. */
export interface Caller {
  domainId: string;
  userName: string;
  groups: string[];
  via: 'token' | 'aksk';
}

/** The subject recorded for a client certificate issued to the caller (CN the user, one O per group). */
export function certificateSubjectOf(caller: Caller): string {
  return [`CN=${caller.userName}`, ...caller.groups.map((g) => `O=${g}`)].join(',');
}

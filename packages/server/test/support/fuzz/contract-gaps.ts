import { operations } from './spec-model.js';

/**
 * Answers the server gives that openapi.yaml does not list, known and reported, each waiting
 * for a change to the contract (openapi.yaml is its owner's to change, not the fuzzer's).
 * Only the exact problem "status N is not defined for <method> <path>" is tolerated, only for
 * the statuses and operations named here; every other deviation fails the run. Once the
 * spec lists the status, specProblems stops reporting it and the entry is simply unused.
 */
export interface ContractGap {
  status: number;
  /** Operations (by path template and method) the gap applies to; undefined: any operation. */
  operations?: { method: string; path: string }[];
  why: string;
  fix: string;
}

export const knownContractGaps: ContractGap[] = [
];

const notDefined = /^status (\d+) is not defined for (\w+) (\S+)$/;

/** Splits specProblems' output into real problems and known contract gaps. */
export function separateKnownGaps(problems: string[]): { problems: string[]; gaps: string[] } {
  const real: string[] = [];
  const gaps: string[] = [];
  for (const p of problems) {
    const m = notDefined.exec(p);
    const gap =
      m &&
      knownContractGaps.find(
        (g) => g.status === Number(m[1]) && (!g.operations || g.operations.some((o) => o.method === m[2] && o.path === m[3])),
      );
    if (gap) gaps.push(`${m[2]!.toUpperCase()} ${m[3]} -> ${m[1]}`);
    else real.push(p);
  }
  return { problems: real, gaps };
}

import { operationTable, ucsErrorMeanings, type UcsErrorCode } from '@ucs-fleet/types';
import { UcsError } from '../domain/errors.js';
import type { HandledOperationId } from '../routes/handler.js';

/** The operations a fault can be forced on: those a typed handler answers (not the static files). */
export type FaultableOperationId = HandledOperationId;

type ErrorsOf<K extends FaultableOperationId> = (typeof operationTable)[K]['errors'];

/** The error statuses openapi.yaml defines for an operation. */
export type FaultStatus<K extends FaultableOperationId> = keyof ErrorsOf<K> & number;

/** The UCS codes openapi.yaml pairs with one of the operation's error statuses. */
export type FaultCode<K extends FaultableOperationId> = ErrorsOf<K>[FaultStatus<K>] extends readonly (infer C)[] ? C : never;

/** An error to answer with instead of calling the handler. Anything left out is chosen to fit the rest. */
export interface StubFault<K extends FaultableOperationId = FaultableOperationId> {
  /** An error status of the operation in openapi.yaml (default: the status of `code`, else 500). */
  status?: FaultStatus<K>;
  /** A UCS code that openapi.yaml pairs with `status` (default: the status's usual code, the first of its x-ucs-error-codes). */
  code?: FaultCode<K>;
  /** The error_msg (default: the code's meaning, saying that it was forced). */
  message?: string;
  /** How many calls answer it (default 1). */
  count?: number;
}

/** A fault as it will be answered, with the calls still to answer it. */
export interface PlannedFault {
  operationId: FaultableOperationId;
  status: number;
  code: UcsErrorCode;
  message: string;
  count: number;
}

/** A fault the UCS contract does not allow; the message says what it allows. */
export class FaultRefusedError extends Error {}

type ErrorStatus = UcsError['status'];
type ErrorTable = { readonly [status: number]: readonly UcsErrorCode[] };

/**
 * Forced errors, one queue per operation: each is answered by the next calls of that operation
 * that pass authentication and validation. Every fault is checked against the pairing of
 * statuses and codes generated from openapi.yaml when it is planned, so a test cannot make the
 * server break the contract.
 */
export class FaultPlan {
  readonly #queues = new Map<FaultableOperationId, PlannedFault[]>();

  /** Plans a fault, or throws FaultRefusedError. */
  add(operationId: string, fault: StubFault = {}): PlannedFault {
    const planned = resolveFault(operationId, fault);
    const queue = this.#queues.get(planned.operationId) ?? [];
    queue.push(planned);
    this.#queues.set(planned.operationId, queue);
    return { ...planned };
  }

  /** The error the next call of the operation answers with, counted as used; undefined when none is planned. */
  take(operationId: FaultableOperationId): UcsError | undefined {
    const queue = this.#queues.get(operationId);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.count -= 1;
    if (next.count === 0) queue.shift();
    return new UcsError(next.status as ErrorStatus, next.code, next.message);
  }

  /** Every fault not answered yet, per operation in answering order. */
  list(): PlannedFault[] {
    return [...this.#queues.values()].flatMap((queue) => queue.map((f) => ({ ...f })));
  }

  /** Drops every fault; answers how many there were. */
  clear(): number {
    const count = this.list().length;
    this.#queues.clear();
    return count;
  }
}

function resolveFault(operationId: string, fault: StubFault): PlannedFault {
  const route = (operationTable as Record<string, { static: boolean; errors: ErrorTable } | undefined>)[operationId];
  if (!route) throw new FaultRefusedError(`${operationId} is not an operation of openapi.yaml`);
  if (route.static) throw new FaultRefusedError(`${operationId} is served as a file, not by a handler; it cannot be made to fail`);
  const allowed = Object.keys(route.errors).map(Number);
  if (fault.code !== undefined && !(fault.code in ucsErrorMeanings)) throw new FaultRefusedError(`${fault.code} is not a UCS error code of openapi.yaml`);
  const status = fault.status ?? statusForCode(fault.code, route.errors) ?? 500;
  const codes = route.errors[status];
  if (!codes) throw new FaultRefusedError(`openapi.yaml defines no ${status} for ${operationId} (it has ${allowed.join(', ')})`);
  const code = (fault.code as UcsErrorCode | undefined) ?? codes[0]!;
  if (!codes.includes(code)) {
    const statuses = allowed.filter((s) => route.errors[s]!.includes(code));
    const pairing = statuses.length > 0 ? `with ${statuses.join(' or ')}` : 'with no status';
    throw new FaultRefusedError(`openapi.yaml pairs ${code} ${pairing} for ${operationId}, not ${status} (${status} carries ${codes.join(', ')})`);
  }
  const count = fault.count ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new FaultRefusedError(`count must be a whole number >= 1, not ${count}`);
  const message = fault.message ?? `${ucsErrorMeanings[code]}: forced by the control API (${operationId})`;
  return { operationId: operationId as FaultableOperationId, status, code, message, count };
}

/** The operation's first error status that openapi.yaml pairs with the code. */
function statusForCode(code: string | undefined, errors: ErrorTable): number | undefined {
  if (code === undefined) return undefined;
  return Object.keys(errors)
    .map(Number)
    .find((s) => errors[s]!.includes(code as UcsErrorCode));
}

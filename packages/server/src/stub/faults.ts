import { operationTable, type ResponseStatus, type UcsErrorCode } from '@ucs-fleet/types';
import { specDocument } from '../spec-document.js';
import { UcsError } from '../domain/errors.js';
import type { HandledOperationId } from '../routes/handler.js';

/** The operations a fault can be forced on: those a typed handler answers (not the static files). */
export type FaultableOperationId = HandledOperationId;

/** The error statuses openapi.yaml defines for an operation. */
export type FaultStatus<K extends FaultableOperationId> = Exclude<ResponseStatus<K>, 200 | 201 | 202 | 204>;

/** An error to answer with instead of calling the handler. Anything left out is chosen to fit the rest. */
export interface StubFault<K extends FaultableOperationId = FaultableOperationId> {
  /** An error status of the operation in openapi.yaml (default: the status of `code`, else 500). */
  status?: FaultStatus<K>;
  /** A UCS code that openapi.yaml pairs with `status` (default: the code the server itself uses for it). */
  code?: UcsErrorCode;
  /** The error_msg (default: the code's meaning, saying that the stub forced it). */
  message?: string;
}

type ErrorStatus = UcsError['status'];

// The code the server's own error paths answer with for each status (see domain/errors.ts).
const usualCode: Record<ErrorStatus, UcsErrorCode> = {
  400: 'UCS.00000012',
  401: 'UCS.00000018',
  403: 'UCS.00000004',
  404: 'UCS.00000013',
  405: 'UCS.00000013',
  413: 'UCS.00000012',
  415: 'UCS.00000016',
  500: 'UCS.00000006',
};

interface CodeRow {
  statuses: number[];
  meaning: string;
}

interface SpecShape {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: { UcsErrorCode: { description: string; enum: string[] } } };
}

/**
 * Forced errors, one queue per operation: each is answered once, by the next call of that
 * operation that passes authentication and validation. Every fault is checked against
 * openapi.yaml when it is planned, so a test cannot make the stub break the contract.
 */
export class FaultPlan {
  readonly #queues = new Map<FaultableOperationId, UcsError[]>();
  readonly #statusesOf: (id: FaultableOperationId) => number[];
  readonly #codes: Map<string, CodeRow>;

  constructor() {
    const spec = specDocument<SpecShape>();
    this.#codes = errorCodeTable(spec);
    this.#statusesOf = (id) => {
      const route = operationTable[id];
      const responses = spec.paths[route.path]?.[route.method]?.responses ?? {};
      return Object.keys(responses).map(Number).filter((s) => s >= 400);
    };
  }

  add<K extends FaultableOperationId>(operationId: K, fault: StubFault<K> = {}): void {
    const error = this.#resolve(operationId, fault as StubFault);
    const queue = this.#queues.get(operationId) ?? [];
    queue.push(error);
    this.#queues.set(operationId, queue);
  }

  /** The next planned error of the operation, removed from the plan. */
  take(operationId: FaultableOperationId): UcsError | undefined {
    return this.#queues.get(operationId)?.shift();
  }

  clear(): void {
    this.#queues.clear();
  }

  #resolve(operationId: FaultableOperationId, fault: StubFault): UcsError {
    const route = (operationTable as Record<string, { static: boolean } | undefined>)[operationId];
    if (!route) throw new TypeError(`failNext: ${String(operationId)} is not an operation of openapi.yaml`);
    if (route.static) throw new TypeError(`failNext: ${operationId} is served as a file, not by a handler; it cannot be made to fail`);
    const allowed = this.#statusesOf(operationId);
    const status = (fault.status as number | undefined) ?? this.#statusForCode(fault.code, allowed) ?? 500;
    if (!allowed.includes(status)) {
      throw new TypeError(`failNext: openapi.yaml defines no ${status} for ${operationId} (it has ${allowed.join(', ')})`);
    }
    const code = fault.code ?? usualCode[status as ErrorStatus];
    const row = this.#codes.get(code);
    if (!row) throw new TypeError(`failNext: ${code} is not a UCS error code of openapi.yaml`);
    if (!row.statuses.includes(status)) {
      throw new TypeError(`failNext: openapi.yaml pairs ${code} with ${row.statuses.join(' or ')}, not ${status}`);
    }
    const message = fault.message ?? `${row.meaning}: forced by the stub (failNext ${operationId})`;
    return new UcsError(status as ErrorStatus, code as UcsErrorCode, message);
  }

  #statusForCode(code: string | undefined, allowed: number[]): number | undefined {
    if (code === undefined) return undefined;
    const statuses = this.#codes.get(code)?.statuses ?? [];
    return statuses.find((s) => allowed.includes(s)) ?? statuses[0];
  }
}

/**
 * Which statuses each UCS code goes with, read from the table in the description of the
 * UcsErrorCode schema (`| UCS.00000012 | 400, 413 | Invalid request body. |`): the spec is the
 * only place that says it.
 */
function errorCodeTable(spec: SpecShape): Map<string, CodeRow> {
  const schema = spec.components.schemas.UcsErrorCode;
  const table = new Map<string, CodeRow>();
  for (const line of schema.description.split('\n')) {
    const m = /^\|\s*(UCS\.\d{8})\s*\|\s*([\d,\s]+?)\s*\|\s*(.+?)\s*\|\s*$/.exec(line);
    if (!m) continue;
    const meaning = m[3]!.split(/[.:]/)[0]!.trim();
    table.set(m[1]!, { statuses: m[2]!.split(',').map((s) => Number(s.trim())), meaning });
  }
  const missing = schema.enum.filter((code) => !table.has(code));
  if (missing.length > 0) throw new Error(`openapi.yaml: the UcsErrorCode table has no row for ${missing.join(', ')}`);
  return table;
}

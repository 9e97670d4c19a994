import type { OperationId, PathParams, QueryParams, RequestBody, SuccessResponse, operationTable } from '@ucs-fleet/types';
import type { Caller } from '../domain/caller.js';

/** The caller is always known for a secured operation, and never for a public one. */
type CallerOf<K extends OperationId> = (typeof operationTable)[K]['secured'] extends true ? Caller : undefined;

/** What a handler receives: already validated against openapi.yaml. */
export interface HandlerInput<K extends OperationId> {
  params: PathParams<K>;
  query: QueryParams<K>;
  body: RequestBody<K>;
  caller: CallerOf<K>;
}

/** A handler may answer only with a success status and body that the spec defines for it. */
export type Handler<K extends OperationId> = (input: HandlerInput<K>) => Promise<SuccessResponse<K>>;

/** The operations a typed handler answers: all but those marked x-ucs-static (see http/contract-docs.ts). */
export type HandledOperationId = { [K in OperationId]: (typeof operationTable)[K]['static'] extends true ? never : K }[OperationId];

/** One handler per operation of openapi.yaml: a new operation fails compilation until it has one. */
export type HandlerTable = { [K in HandledOperationId]: Handler<K> };

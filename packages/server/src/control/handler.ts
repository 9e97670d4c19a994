import type { controlOperations, controlOperationTable } from '@ucs-fleet/types';

/** The operationId of every operation in control-openapi.yaml. */
export type ControlOperationId = keyof controlOperations;

/** The operations a typed handler answers: all but the contract files (x-ucs-static). */
export type HandledControlOperationId = {
  [K in ControlOperationId]: (typeof controlOperationTable)[K]['static'] extends true ? never : K;
}[ControlOperationId];

type Operation<K extends ControlOperationId> = controlOperations[K];

/** The JSON request body of a control operation (already validated), or undefined when it takes none. */
export type ControlRequestBody<K extends ControlOperationId> = Operation<K> extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B | undefined
  : undefined;

type Responses<K extends ControlOperationId> = Operation<K>['responses'];
type SuccessStatus<K extends ControlOperationId> = keyof Responses<K> & (200 | 201);

/** A success status and body that control-openapi.yaml defines for the operation. */
export type ControlSuccess<K extends ControlOperationId> = {
  [S in SuccessStatus<K>]: { status: S; body: Responses<K>[S] extends { content: { 'application/json': infer B } } ? B : never };
}[SuccessStatus<K>];

export type ControlHandler<K extends ControlOperationId> = (body: ControlRequestBody<K>) => Promise<ControlSuccess<K>>;

/** One handler per control operation: a new operation in the spec fails compilation until it has one. */
export type ControlHandlerTable = { [K in HandledControlOperationId]: ControlHandler<K> };

import type { operations } from './schema.js';

/** The operationId of every operation in openapi.yaml. */
export type OperationId = keyof operations;

type Operation<K extends OperationId> = operations[K];
type ParametersOf<K extends OperationId> = Operation<K>['parameters'];

/** Path parameters of an operation (an empty object when it has none). */
export type PathParams<K extends OperationId> = ParametersOf<K> extends { path: infer P }
  ? ([P] extends [never | undefined] ? Record<string, never> : P)
  : Record<string, never>;

/** Query parameters of an operation (an empty object when it has none). */
export type QueryParams<K extends OperationId> = ParametersOf<K> extends { query?: infer Q }
  ? ([Q] extends [never | undefined] ? Record<string, never> : NonNullable<Q>)
  : Record<string, never>;

/** The JSON request body of an operation (or undefined where the body is optional), undefined when it takes none. */
export type RequestBody<K extends OperationId> = Operation<K> extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : Operation<K> extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined;

/** Every status the spec defines for an operation. */
export type ResponseStatus<K extends OperationId> = keyof Operation<K>['responses'] & number;

/** The JSON body of an operation's response with a given status. */
export type ResponseBody<K extends OperationId, S extends ResponseStatus<K>> = Operation<K>['responses'][S] extends {
  content: { 'application/json': infer B };
}
  ? B
  : never;

/** Any response the spec allows for an operation, as a status and its body. */
export type OperationResponse<K extends OperationId> = {
  [S in ResponseStatus<K>]: { status: S; body: ResponseBody<K, S> };
}[ResponseStatus<K>];

/** The 2xx responses the spec allows for an operation. */
export type SuccessResponse<K extends OperationId> = Extract<OperationResponse<K>, { status: 200 | 201 | 202 | 204 }>;

// Generated from control-openapi.yaml by `npm run generate`. Do not edit by hand.
export interface paths {
    "/__control/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the store
         * @description Deletes every fleet, federation, connection, job and issued certificate, then creates
         *     the seed's fleets again (`to: seed`, the default) or leaves the store empty
         *     (`to: empty`). Planned faults are dropped too. The clock, the federation delay and the
         *     request log stay as they are. The seed's credentials stay valid.
         */
        post: operations["ResetStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the planned faults
         * @description The faults not answered yet, per operation in the order they will be answered.
         */
        get: operations["ListFaults"];
        put?: never;
        /**
         * Force the next calls of a UCS operation to fail
         * @description The next `count` calls of the operation that pass authentication and request
         *     validation answer this error instead of running. The status must be an error status
         *     that openapi.yaml defines for the operation, and the code one that openapi.yaml pairs
         *     with that status (its `x-ucs-error-codes`); anything else is refused with 400
         *     `UCS.00000012`, naming what the UCS contract allows. Left out: the status of `code`
         *     (else 500), the usual code of the status, the code's meaning as the message. Faults
         *     queue up per operation.
         */
        post: operations["PlanFault"];
        /** Drop every planned fault */
        delete: operations["ClearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/federation-delay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long enabling federation takes */
        get: operations["ShowFederationDelay"];
        /**
         * Set how long enabling federation takes
         * @description Applies to the federations enabled from now on (and to the seed's `enabling` fleets at
         *     the next reset); a job already running keeps the delay it started with. Job progress
         *     follows the server clock, so moving the clock finishes a job without waiting.
         */
        put: operations["SetFederationDelay"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the server clock */
        get: operations["ShowClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the server clock
         * @description Moves the clock the server works with by `ms` (negative moves it back): certificate
         *     validity (issuing and the federation endpoint's check), federation job progress and the
         *     AK/SK signing-time window all follow it. After a jump of more than 15 minutes, sign
         *     with the server's time or call with a token.
         */
        post: operations["AdvanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the requests received
         * @description The requests the server answered outside the control API, oldest first (the last
         *     10000). Never a header, a query or a body: no credential or secret is recorded.
         */
        get: operations["ListRequests"];
        put?: never;
        post?: never;
        /** Forget the requests received */
        delete: operations["ClearRequests"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the client certificates issued
         * @description Every client certificate the store records, of every account, oldest first. Never a key.
         */
        get: operations["ListIssuedCertificates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document, as YAML
         * @description Needs no token. `x-ucs-static` marks the operations answered as files.
         */
        get: operations["ShowControlOpenApiYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document, as JSON
         * @description Needs no token.
         */
        get: operations["ShowControlOpenApiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document, rendered for a browser
         * @description A Redoc page, with the renderer the server serves at `/docs/redoc.standalone.js`. Needs no token.
         */
        get: operations["ShowControlApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The error body, as the UCS API has it. */
        ControlError: {
            /** @enum {string} */
            error_code: "UCS.00000005" | "UCS.00000006" | "UCS.00000011" | "UCS.00000012" | "UCS.00000013" | "UCS.00000016" | "UCS.00000018";
            error_msg: string;
        };
        ResetRequest: {
            /**
             * @description What the store holds afterwards (default `seed`).
             * @enum {string}
             */
            to?: "seed" | "empty";
        };
        ResetResult: {
            /** @enum {string} */
            to: "seed" | "empty";
            /**
             * Format: int32
             * @description Fleets in the store after the reset.
             */
            fleets: number;
        };
        /**
         * Format: int32
         * @description An error status that openapi.yaml defines for the operation.
         */
        UcsStatus: number;
        /** @description A code of openapi.yaml's UcsErrorCode that it pairs with the status. */
        UcsCode: string;
        FaultRequest: {
            /** @description An operationId of openapi.yaml that the server answers through a handler. */
            operationId: string;
            status?: components["schemas"]["UcsStatus"];
            code?: components["schemas"]["UcsCode"];
            /** @description The error_msg to answer with. */
            message?: string;
            /**
             * Format: int32
             * @description How many calls answer the fault (default 1).
             */
            count?: number;
        };
        Fault: {
            operationId: string;
            status: components["schemas"]["UcsStatus"];
            code: components["schemas"]["UcsCode"];
            message: string;
            /**
             * Format: int32
             * @description Calls still to answer this fault.
             */
            count: number;
        };
        FaultList: {
            items: components["schemas"]["Fault"][];
        };
        Cleared: {
            /**
             * Format: int32
             * @description How many entries were dropped.
             */
            cleared: number;
        };
        FederationDelay: {
            /**
             * Format: int32
             * @description How long enabling federation takes, in milliseconds.
             */
            ms: number;
        };
        ClockAdvance: {
            /**
             * Format: int64
             * @description Milliseconds to move the clock by (at most 100 years either way).
             */
            ms: number;
        };
        Clock: {
            /**
             * Format: date-time
             * @description The server's time, RFC 3339 with milliseconds.
             */
            now: string;
            /**
             * Format: int64
             * @description How far the server's clock is from the machine's, in milliseconds.
             */
            offsetMs: number;
        };
        RecordedRequest: {
            /** @description The operation of openapi.yaml the method and path name; null when none. */
            operationId: string | null;
            method: string;
            /** @description The path, without the query. */
            path: string;
            /** Format: int32 */
            status: number;
            /** @description The UCS error_code answered; null for a success. */
            errorCode: string | null;
            /** @description The X-Request-Id answered. */
            requestId: string;
            /**
             * Format: date-time
             * @description When the answer was sent, on the server clock.
             */
            time: string;
        };
        RequestList: {
            items: components["schemas"]["RecordedRequest"][];
        };
        IssuedCertificate: {
            /** @description The serial number, hexadecimal. */
            serial: string;
            fleetId: string;
            federationId: string;
            /** @description e.g. `CN=alice,O=ops`. */
            subject: string;
            /** Format: date-time */
            notBefore: string;
            /** Format: date-time */
            notAfter: string;
            /** Format: date-time */
            issuedAt: string;
        };
        CertificateList: {
            items: components["schemas"]["IssuedCertificate"][];
        };
    };
    responses: {
        /** @description The body is not valid, or asks for something the UCS contract does not allow (`UCS.00000012`). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000012",
                 *       "error_msg": "Invalid request body: openapi.yaml defines no 418 for ShowClusterGroup (it has 400, 401, 403, 404, 405, 500)"
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description No control token, a wrong one, or UCS credentials (`UCS.00000018`). */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000018",
                 *       "error_msg": "Authorization failed: send the control token in X-Control-Token"
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description No such path (`UCS.00000013`). */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000013",
                 *       "error_msg": "No requested resources found: no such path"
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The path exists but not with this method (`UCS.00000013`). */
        MethodNotAllowed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000013",
                 *       "error_msg": "No requested resources found: GET is not allowed on this path"
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The body is larger than the server accepts (`UCS.00000012`). */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000012",
                 *       "error_msg": "Invalid request body: too large"
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The body is not JSON (`UCS.00000016`). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000016",
                 *       "error_msg": "Invalid header value: Content-Type text/plain is not supported by this operation; send application/json"
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The server failed (`UCS.00000005` for the store, `UCS.00000006` otherwise). */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "UCS.00000006",
                 *       "error_msg": "Server internal error."
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The id of this request. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ResetStore: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "to": "seed"
                 *     }
                 */
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            /** @description The store was reset. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ListFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The planned faults. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    PlanFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "operationId": "RegisterClusterGroup",
                 *       "status": 400,
                 *       "code": "UCS.00000017"
                 *     }
                 */
                "application/json": components["schemas"]["FaultRequest"];
            };
        };
        responses: {
            /** @description The fault is planned, as it will be answered. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ClearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faults were dropped. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cleared"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowFederationDelay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delay. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FederationDelay"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    SetFederationDelay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ms": 20000
                 *     }
                 */
                "application/json": components["schemas"]["FederationDelay"];
            };
        };
        responses: {
            /** @description The delay now in force. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FederationDelay"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server clock. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    AdvanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ms": 86400000
                 *     }
                 */
                "application/json": components["schemas"]["ClockAdvance"];
            };
        };
        responses: {
            /** @description The clock after the move. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    ListRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requests. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ClearRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log is empty. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cleared"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ListIssuedCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The certificates. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowControlOpenApiYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/yaml": string;
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowControlOpenApiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
    ShowControlApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
        };
    };
}

// Generated from the server's OpenAPI document by `pnpm client:generate`: do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with username and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Access token (JWT), sent as `Authorization: Bearer <token>` */
                            token: string;
                            refreshToken?: string;
                            /** @description Seconds the access token lasts */
                            expiresIn: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token for new tokens (each refresh token is used once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Access token (JWT), sent as `Authorization: Bearer <token>` */
                            token: string;
                            refreshToken?: string;
                            /** @description Seconds the access token lasts */
                            expiresIn: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of the access token (and of the refresh token, if sent) on every server */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current user, their grants and groups */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            grants: {
                                role: string;
                                /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                                unitPath: string;
                            }[];
                            groups: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units you reach, in path order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                                path: string;
                                name: string;
                                kind: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a unit below one you administer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        path: string;
                        name: string;
                        kind: "district" | "town" | "village" | "community" | "cooperative" | "compound" | "grid" | "department" | "party";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                            path: string;
                            name: string;
                            kind: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users holding a role within your units, by username, with their grants there */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                username: string;
                                displayName: string;
                                disabled: boolean;
                                createdAt: string;
                                grants: {
                                    role: string;
                                    unitPath: string;
                                    /** @description Whether you may take this role back */
                                    revocable: boolean;
                                }[];
                                /** @description What you may do with this user: grant a role (at a unit of yours), set the password, disable or enable the account */
                                actions: ("grant" | "password" | "disable" | "enable")[];
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user with grants at units you administer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        displayName: string;
                        password: string;
                        /** @description At least one: a user belongs to a unit, and an admin sees a user through their grants. */
                        grants: {
                            role: "town-admin" | "designer" | "village-admin" | "clerk" | "approver" | "member" | "grid-worker" | "auditor";
                            /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                            unitPath: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            disabled: boolean;
                            createdAt: string;
                            grants: {
                                role: string;
                                unitPath: string;
                                /** @description Whether you may take this role back */
                                revocable: boolean;
                            }[];
                            /** @description What you may do with this user: grant a role (at a unit of yours), set the password, disable or enable the account */
                            actions: ("grant" | "password" | "disable" | "enable")[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user and their grants within your units */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            disabled: boolean;
                            createdAt: string;
                            grants: {
                                role: string;
                                unitPath: string;
                                /** @description Whether you may take this role back */
                                revocable: boolean;
                            }[];
                            /** @description What you may do with this user: grant a role (at a unit of yours), set the password, disable or enable the account */
                            actions: ("grant" | "password" | "disable" | "enable")[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/users/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a role at a unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "town-admin" | "designer" | "village-admin" | "clerk" | "approver" | "member" | "grid-worker" | "auditor";
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unitPath: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            disabled: boolean;
                            createdAt: string;
                            grants: {
                                role: string;
                                unitPath: string;
                                /** @description Whether you may take this role back */
                                revocable: boolean;
                            }[];
                            /** @description What you may do with this user: grant a role (at a unit of yours), set the password, disable or enable the account */
                            actions: ("grant" | "password" | "disable" | "enable")[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/users/{id}/grants/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back a role at a unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "town-admin" | "designer" | "village-admin" | "clerk" | "approver" | "member" | "grid-worker" | "auditor";
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unitPath: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            disabled: boolean;
                            createdAt: string;
                            grants: {
                                role: string;
                                unitPath: string;
                                /** @description Whether you may take this role back */
                                revocable: boolean;
                            }[];
                            /** @description What you may do with this user: grant a role (at a unit of yours), set the password, disable or enable the account */
                            actions: ("grant" | "password" | "disable" | "enable")[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user’s password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/users/{id}/disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Disable a user (they sign in no more, their tokens stop working, no task is offered to them) or enable them again */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true: the account signs in no more; false: it is enabled again */
                        disabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            disabled: boolean;
                            createdAt: string;
                            grants: {
                                role: string;
                                unitPath: string;
                                /** @description Whether you may take this role back */
                                revocable: boolean;
                            }[];
                            /** @description What you may do with this user: grant a role (at a unit of yours), set the password, disable or enable the account */
                            actions: ("grant" | "password" | "disable" | "enable")[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deploy a BPMN model at a unit, with the forms its steps show; model problems answer 400 SZ_BPMN_INVALID, form problems 400 SZ_FORM_DEFINITION_INVALID; with dryRun, 200 and what deploy would find */
        post: {
            parameters: {
                query?: {
                    /** @description Check everything deploy checks and answer 200 with the report, storing nothing */
                    dryRun?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description BPMN 2.0 XML (a file field of that name in multipart form data) */
                        xml: string;
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        /** @description Forms deployed with the model, before it, as new versions (multipart: *.form.json file fields named forms) */
                        forms?: {
                            /** @description Stable id of the form, e.g. key-matter-proposal */
                            key: string;
                            title: string;
                            /** @description JSON Schema 2020-12 with type "object" at the root */
                            schema: {
                                [key: string]: unknown;
                            };
                            /** @description react-jsonschema-form's uiSchema */
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description What changed in this version, shown in the version list */
                        note?: string;
                    };
                    "multipart/form-data": {
                        /** @description BPMN 2.0 XML (a file field of that name in multipart form data) */
                        xml: string;
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        /** @description Forms deployed with the model, before it, as new versions (multipart: *.form.json file fields named forms) */
                        forms?: {
                            /** @description Stable id of the form, e.g. key-matter-proposal */
                            key: string;
                            title: string;
                            /** @description JSON Schema 2020-12 with type "object" at the root */
                            schema: {
                                [key: string]: unknown;
                            };
                            /** @description react-jsonschema-form's uiSchema */
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description What changed in this version, shown in the version list */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description True when deploying this would succeed */
                            ok: boolean;
                            refusal?: "SZ_BPMN_INVALID" | "SZ_FORM_DEFINITION_INVALID";
                            problems: {
                                /** @description The model rule broken (e.g. 'feel-syntax') or the form problem's code */
                                rule: string;
                                message: string;
                                /** @description The BPMN element it is on */
                                elementId?: string;
                                elementType?: string;
                                /** @description The form key, for a problem in a deployed form */
                                form?: string;
                                /** @description Where in that form */
                                path?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            version: number;
                            unitPath: string;
                            name?: string;
                            /** Format: date-time */
                            deployedAt: string;
                            deployedBy: string;
                            /** @description What changed in this version, shown in the version list */
                            note?: string;
                            /** @description The forms its steps show, pinned: form key -> form id */
                            forms?: {
                                [key: string]: string;
                            };
                            /** @description Whether a person may start it (it has a none start event); one started by timers or messages only may not */
                            startable?: boolean;
                        } & {
                            /** @description Forms this deployment stored */
                            deployedForms: {
                                id: string;
                                key: string;
                                version: number;
                                unitPath: string;
                                title: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Definitions in your units and above them, every version */
        get: {
            parameters: {
                query?: {
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                key: string;
                                version: number;
                                unitPath: string;
                                name?: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                                /** @description What changed in this version, shown in the version list */
                                note?: string;
                                /** @description The forms its steps show, pinned: form key -> form id */
                                forms?: {
                                    [key: string]: string;
                                };
                                /** @description Whether a person may start it (it has a none start event); one started by timers or messages only may not */
                                startable?: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-definitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            version: number;
                            unitPath: string;
                            name?: string;
                            /** Format: date-time */
                            deployedAt: string;
                            deployedBy: string;
                            /** @description What changed in this version, shown in the version list */
                            note?: string;
                            /** @description The forms its steps show, pinned: form key -> form id */
                            forms?: {
                                [key: string]: string;
                            };
                            /** @description Whether a person may start it (it has a none start event); one started by timers or messages only may not */
                            startable?: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-definitions/{id}/xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deployed BPMN XML */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-definitions/{id}/start-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The form whoever starts an instance by hand fills in; 404 SZ_FORM_NOT_FOUND when the procedure has none */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            form: {
                                id: string;
                                key: string;
                                version: number;
                                title: string;
                            };
                            /** @description The form schema without the fields hidden at this step */
                            schema: {
                                [key: string]: unknown;
                            };
                            uiSchema: {
                                [key: string]: unknown;
                            };
                            /** @description Current values of the fields shown */
                            values: {
                                [key: string]: unknown;
                            };
                            rules: {
                                /** @description A top-level property of the form */
                                field: string;
                                access: "editable" | "readonly" | "hidden" | "required";
                            }[];
                            /** @description Whether the person asking may submit it now */
                            editable: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feel/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a FEEL expression as deploy would, without deploying */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A FEEL text as a model holds it (a condition, a script, a members list); a leading '=' is allowed */
                        expression: string;
                        /**
                         * @description What the text is; only FEEL expressions today
                         * @enum {string}
                         */
                        kind?: "expression";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            valid: boolean;
                            problems: {
                                /** @description feel-syntax, juel-expression, …: the rule deploy would report */
                                rule: string;
                                /** @description What is wrong and at which column */
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Form definitions in your units and above them, every version */
        get: {
            parameters: {
                query?: {
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                key: string;
                                version: number;
                                unitPath: string;
                                title: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Deploy a form definition at a unit as its next version; problems answer 400 SZ_FORM_DEFINITION_INVALID */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        form: {
                            /** @description Stable id of the form, e.g. key-matter-proposal */
                            key: string;
                            title: string;
                            /** @description JSON Schema 2020-12 with type "object" at the root */
                            schema: {
                                [key: string]: unknown;
                            };
                            /** @description react-jsonschema-form's uiSchema */
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            version: number;
                            unitPath: string;
                            title: string;
                            /** Format: date-time */
                            deployedAt: string;
                            deployedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A form definition with its schema */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            version: number;
                            unitPath: string;
                            title: string;
                            /** Format: date-time */
                            deployedAt: string;
                            deployedBy: string;
                        } & {
                            schema: {
                                [key: string]: unknown;
                            };
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate data against a form and a step’s field rules; errors name each field in zh-CN or en */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        form: {
                            key: string;
                            version: number;
                            title: string;
                            /** @description JSON Schema 2020-12 with type "object" at the root */
                            schema: {
                                [key: string]: unknown;
                            };
                            /** @description react-jsonschema-form's uiSchema */
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description The submission, a JSON object */
                        data: unknown;
                        rules?: {
                            /** @description A top-level property of the form */
                            field: string;
                            access: "editable" | "readonly" | "hidden" | "required";
                        }[];
                        /** @description The instance's current values */
                        previous?: {
                            [key: string]: unknown;
                        };
                        /** @default zh-CN */
                        lang?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            errors: {
                                /** @description JSON pointer into data, e.g. /tenants/0/idNumber */
                                field: string;
                                /** @description The JSON Schema keyword that failed, or readonly, hidden, maxDepth */
                                code: string;
                                message: string;
                                /** @description The title the form gives the field */
                                label?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instances in your units, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                    definitionKey?: string;
                    businessKey?: string;
                    /** @description Only those this user started: a user id, or `me` (我发起的) */
                    startedBy?: string;
                    withIncidents?: boolean;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                definitionId: string;
                                definitionKey: string;
                                unitPath: string;
                                businessKey?: string;
                                status: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                                version: number;
                                /** Format: date-time */
                                startedAt: string;
                                startedBy: string;
                                /** Format: date-time */
                                endedAt?: string;
                                parentId?: string;
                                incidents: number;
                                /** @description The name of its procedure (lists) */
                                processName?: string;
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Start an instance at a unit; the same business key again answers the first instance (200) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definitionKey: string;
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        orgUnit: string;
                        businessKey?: string;
                        /** @description Process variables: a JSON object */
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            definitionId: string;
                            definitionKey: string;
                            unitPath: string;
                            businessKey?: string;
                            status: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                            version: number;
                            /** Format: date-time */
                            startedAt: string;
                            startedBy: string;
                            /** Format: date-time */
                            endedAt?: string;
                            parentId?: string;
                            incidents: number;
                            /** @description The name of its procedure (lists) */
                            processName?: string;
                            /** @description The open tasks of the instance that are yours to work: assigned to you, or offered to you or your groups. The clerk who starts a procedure goes straight on to its first form. */
                            tasks: {
                                id: string;
                                instanceId: string;
                                elementId: string;
                                name?: string;
                                definitionKey: string;
                                unitPath: string;
                                status: "open" | "completed" | "cancelled";
                                assignee?: string;
                                /** @description Set while the task is delegated: who it goes back to */
                                owner?: string;
                                /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                                onBehalfOf?: string;
                                candidateUsers: string[];
                                /** @description role@unit groups the task is offered to */
                                candidateGroups: string[];
                                /** Format: date-time */
                                dueAt?: string;
                                /** Format: date-time */
                                followUpAt?: string;
                                priority: number;
                                formKey?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                endedAt?: string;
                                endedBy?: string;
                                version: number;
                                /** @description The name of its procedure (inbox and task detail) */
                                processName?: string;
                                /** @description The number of its matter (inbox and task detail) */
                                businessKey?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            definitionId: string;
                            definitionKey: string;
                            unitPath: string;
                            businessKey?: string;
                            status: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                            version: number;
                            /** Format: date-time */
                            startedAt: string;
                            startedBy: string;
                            /** Format: date-time */
                            endedAt?: string;
                            parentId?: string;
                            incidents: number;
                            /** @description The name of its procedure (lists) */
                            processName?: string;
                            /** @description The open tasks of the instance that are yours to work: assigned to you, or offered to you or your groups. The clerk who starts a procedure goes straight on to its first form. */
                            tasks: {
                                id: string;
                                instanceId: string;
                                elementId: string;
                                name?: string;
                                definitionKey: string;
                                unitPath: string;
                                status: "open" | "completed" | "cancelled";
                                assignee?: string;
                                /** @description Set while the task is delegated: who it goes back to */
                                owner?: string;
                                /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                                onBehalfOf?: string;
                                candidateUsers: string[];
                                /** @description role@unit groups the task is offered to */
                                candidateGroups: string[];
                                /** Format: date-time */
                                dueAt?: string;
                                /** Format: date-time */
                                followUpAt?: string;
                                priority: number;
                                formKey?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                endedAt?: string;
                                endedBy?: string;
                                version: number;
                                /** @description The name of its procedure (inbox and task detail) */
                                processName?: string;
                                /** @description The number of its matter (inbox and task detail) */
                                businessKey?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-instances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State, variables, history, active elements, open incidents and the jobs it waits on */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instance: {
                                id: string;
                                definitionId: string;
                                definitionKey: string;
                                unitPath: string;
                                businessKey?: string;
                                status: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                                version: number;
                                /** Format: date-time */
                                startedAt: string;
                                startedBy: string;
                                /** Format: date-time */
                                endedAt?: string;
                                parentId?: string;
                                incidents: number;
                                /** @description The name of its procedure (lists) */
                                processName?: string;
                            };
                            /** @description Process variables: a JSON object */
                            variables: {
                                [key: string]: unknown;
                            };
                            /** @description Elements with a token or waiting, for highlighting the diagram */
                            activeElementIds: string[];
                            incidents: {
                                id: string;
                                elementId: string;
                                elementInstanceKey: string;
                                code: string;
                                message: string;
                            }[];
                            /** @description What the instance waits on besides people, oldest first */
                            jobs: {
                                id: string;
                                /** @description timer: a timer of the instance; external: a job for an outside worker; outbox: work the server does for the instance */
                                kind: "timer" | "external" | "outbox";
                                /** @description External jobs: the job type workers fetch; outbox: what the work is; timers: timer */
                                type: string;
                                elementId?: string;
                                /** Format: date-time */
                                dueAt: string;
                                /** @description Attempts left; 0: out of retries, parked */
                                retries: number;
                                /** Format: date-time */
                                lockedUntil?: string;
                                lastError?: string;
                                /** @description The incident the job, out of retries, is parked on: resolving it runs the job again */
                                incident?: string;
                            }[];
                            /** @description The first 200 events; historyNext says there are more (GET .../history?after=) */
                            history: {
                                seq: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                hash: string;
                            }[];
                            /** @description Read on with GET /api/process-instances/:id/history?after=this */
                            historyNext?: number;
                            /** @description Who cancelled the instance, when and why; absent unless it was cancelled */
                            cancelled?: {
                                /** @description The user who cancelled it (system:… when the instance that called it ended) */
                                by: string;
                                /** Format: date-time */
                                at: string;
                                reason?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-instances/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The instance’s history (its audit trail) a page at a time: the events after `after`, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The seq to read on after (historyNext, or a page’s next) */
                    after?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                seq: number;
                                type: string;
                                /** Format: date-time */
                                at: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                hash: string;
                            }[];
                            next?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-instances/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running instance, with a reason kept in its history: admins of its unit only (its starter will withdraw it instead) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the instance is cancelled: required, recorded in its history and shown with it */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            definitionId: string;
                            definitionKey: string;
                            unitPath: string;
                            businessKey?: string;
                            status: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                            version: number;
                            /** Format: date-time */
                            startedAt: string;
                            startedBy: string;
                            /** Format: date-time */
                            endedAt?: string;
                            parentId?: string;
                            incidents: number;
                            /** @description The name of its procedure (lists) */
                            processName?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-instances/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回: whoever started the instance takes it back, while nobody else has acted on it since */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the starter takes it back; kept in its history */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            definitionId: string;
                            definitionKey: string;
                            unitPath: string;
                            businessKey?: string;
                            status: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                            version: number;
                            /** Format: date-time */
                            startedAt: string;
                            startedBy: string;
                            /** Format: date-time */
                            endedAt?: string;
                            parentId?: string;
                            incidents: number;
                            /** @description The name of its procedure (lists) */
                            processName?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-instances/{id}/cc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom the instance was copied to, and who has read it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                userId: string;
                                /** Format: date-time */
                                at: string;
                                /** Format: date-time */
                                readAt?: string;
                                note?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 抄送: copy the instance to people, who may then read it (only read) and are told; the starter, its handlers and its unit admins may */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds: string[];
                        /** @description A word to the people copied */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                userId: string;
                                /** Format: date-time */
                                at: string;
                                /** Format: date-time */
                                readAt?: string;
                                note?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{instanceId}/{incidentId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an incident: the failed step runs again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    instanceId: string;
                    incidentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            definitionId: string;
                            definitionKey: string;
                            unitPath: string;
                            businessKey?: string;
                            status: "active" | "completed" | "terminated" | "cancelled" | "withdrawn";
                            version: number;
                            /** Format: date-time */
                            startedAt: string;
                            startedBy: string;
                            /** Format: date-time */
                            endedAt?: string;
                            parentId?: string;
                            incidents: number;
                            /** @description The name of its procedure (lists) */
                            processName?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/process-instances/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Its history as people read it: started, each step’s arrival and who did it, returns with their reasons, the end */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                at: string;
                                kind: "started" | "arrived" | "completed" | "returned" | "signersAdded" | "ended" | "withdrawn" | "cancelled";
                                /** @description The BPMN element of the step */
                                stepId?: string;
                                stepName?: string;
                                /** @description Who did it: a user id */
                                actor?: string;
                                actorName?: string;
                                /** @description For an arrival: the user the step waits on */
                                assignee?: string;
                                assigneeName?: string;
                                /** @description A return’s or an end’s reason */
                                note?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was copied to me (抄送我的), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The copy (a notification of kind cc) */
                                id: string;
                                instanceId: string;
                                processName?: string;
                                businessKey?: string;
                                title: string;
                                note?: string;
                                /** @description Who copied it: a user id */
                                from?: string;
                                fromName?: string;
                                /** Format: date-time */
                                at: string;
                                read: boolean;
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correlate a message to the first instance waiting for it, else start a process with that message start event */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        correlationKey?: string;
                        /** @description Process variables: a JSON object */
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The instance that took the message */
                            instanceId: string;
                            /** @description True when the message started it (message start event) */
                            started: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Broadcast a signal to every instance in your units waiting for it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description Process variables: a JSON object */
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivered: string[];
                            started: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My inbox: tasks assigned to me or offered to me or my groups (a town department’s review of a village’s record too) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "completed" | "cancelled";
                    definitionKey?: string;
                    dueBefore?: string;
                    text?: string;
                    sort?: "due" | "priority" | "created";
                    scope?: "mine" | "group" | "all";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                instanceId: string;
                                elementId: string;
                                name?: string;
                                definitionKey: string;
                                unitPath: string;
                                status: "open" | "completed" | "cancelled";
                                assignee?: string;
                                /** @description Set while the task is delegated: who it goes back to */
                                owner?: string;
                                /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                                onBehalfOf?: string;
                                candidateUsers: string[];
                                /** @description role@unit groups the task is offered to */
                                candidateGroups: string[];
                                /** Format: date-time */
                                dueAt?: string;
                                /** Format: date-time */
                                followUpAt?: string;
                                priority: number;
                                formKey?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                endedAt?: string;
                                endedBy?: string;
                                version: number;
                                /** @description The name of its procedure (inbox and task detail) */
                                processName?: string;
                                /** @description The number of its matter (inbox and task detail) */
                                businessKey?: string;
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many open tasks each inbox tab holds, and how many are overdue or due within a day */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Open tasks assigned to me */
                            mine: number;
                            /** @description Open tasks offered to me or my groups, not yet claimed */
                            groups: number;
                            /** @description Both */
                            all: number;
                            /** @description Of all, those past their due time */
                            overdue: number;
                            /** @description Of all, those due within the next 24 hours */
                            dueSoon: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task, its procedure and matter, and what the person asking may do to it now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                            /** @description What the person asking may do to the task now (none once it has ended): the web app shows exactly these */
                            actions: ("complete" | "claim" | "unclaim" | "assign" | "delegate" | "resolve" | "return" | "transfer" | "addSigners" | "urge" | "comment" | "attach")[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a group task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/unclaim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a task back to its groups (a delegation ends with it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a task to a user (admins of its unit; a delegation ends with it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/delegate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand my task to another user of its unit, who resolves it back to me */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** As the delegate, give a delegated task back to its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a task with its form data */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Process variables: a JSON object */
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The form of this step as you may see it: fields hidden here left out, readonly ones marked, current values */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            form: {
                                id: string;
                                key: string;
                                version: number;
                                title: string;
                            };
                            /** @description The form schema without the fields hidden at this step */
                            schema: {
                                [key: string]: unknown;
                            };
                            uiSchema: {
                                [key: string]: unknown;
                            };
                            /** @description Current values of the fields shown */
                            values: {
                                [key: string]: unknown;
                            };
                            rules: {
                                /** @description A top-level property of the form */
                                field: string;
                                access: "editable" | "readonly" | "hidden" | "required";
                            }[];
                            /** @description Whether the person asking may submit it now */
                            editable: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                taskId: string;
                                author: string;
                                text: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            taskId: string;
                            author: string;
                            text: string;
                            /** Format: date-time */
                            at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                taskId: string;
                                fileName: string;
                                contentType: string;
                                size: number;
                                sha256: string;
                                uploadedBy: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Attach a file (multipart field "file", at most 10 MB; 17 content types: images, PDF, office documents, text; checked by content) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            taskId: string;
                            fileName: string;
                            contentType: string;
                            size: number;
                            sha256: string;
                            uploadedBy: string;
                            /** Format: date-time */
                            at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The earlier steps this task can be sent back to (退回), most recent first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                elementId: string;
                                name?: string;
                                /** @description Who did the step last: the step goes back to them */
                                lastAssignee?: string;
                                /** Format: date-time */
                                completedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回: send the task back to an earlier step (default: the previous one), with a reason; its last assignee gets it back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The step to go back to; default the previous user step */
                        to?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            returned: {
                                id: string;
                                instanceId: string;
                                elementId: string;
                                name?: string;
                                definitionKey: string;
                                unitPath: string;
                                status: "open" | "completed" | "cancelled";
                                assignee?: string;
                                /** @description Set while the task is delegated: who it goes back to */
                                owner?: string;
                                /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                                onBehalfOf?: string;
                                candidateUsers: string[];
                                /** @description role@unit groups the task is offered to */
                                candidateGroups: string[];
                                /** Format: date-time */
                                dueAt?: string;
                                /** Format: date-time */
                                followUpAt?: string;
                                priority: number;
                                formKey?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                endedAt?: string;
                                endedBy?: string;
                                version: number;
                                /** @description The name of its procedure (inbox and task detail) */
                                processName?: string;
                                /** @description The number of its matter (inbox and task detail) */
                                businessKey?: string;
                            };
                            reopened: {
                                id: string;
                                instanceId: string;
                                elementId: string;
                                name?: string;
                                definitionKey: string;
                                unitPath: string;
                                status: "open" | "completed" | "cancelled";
                                assignee?: string;
                                /** @description Set while the task is delegated: who it goes back to */
                                owner?: string;
                                /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                                onBehalfOf?: string;
                                candidateUsers: string[];
                                /** @description role@unit groups the task is offered to */
                                candidateGroups: string[];
                                /** Format: date-time */
                                dueAt?: string;
                                /** Format: date-time */
                                followUpAt?: string;
                                priority: number;
                                formKey?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                endedAt?: string;
                                endedBy?: string;
                                version: number;
                                /** @description The name of its procedure (inbox and task detail) */
                                processName?: string;
                                /** @description The number of its matter (inbox and task detail) */
                                businessKey?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转交: hand my task to another user of its unit, for good (unlike delegate, it does not come back) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            instanceId: string;
                            elementId: string;
                            name?: string;
                            definitionKey: string;
                            unitPath: string;
                            status: "open" | "completed" | "cancelled";
                            assignee?: string;
                            /** @description Set while the task is delegated: who it goes back to */
                            owner?: string;
                            /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                            onBehalfOf?: string;
                            candidateUsers: string[];
                            /** @description role@unit groups the task is offered to */
                            candidateGroups: string[];
                            /** Format: date-time */
                            dueAt?: string;
                            /** Format: date-time */
                            followUpAt?: string;
                            priority: number;
                            formKey?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            endedAt?: string;
                            endedBy?: string;
                            version: number;
                            /** @description The name of its procedure (inbox and task detail) */
                            processName?: string;
                            /** @description The number of its matter (inbox and task detail) */
                            businessKey?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 催办: remind whoever holds the task, at most once an hour; the starter and the admins of its unit may */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A word to the holder, shown with the reminder */
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            told: number;
                            /** Format: date-time */
                            nextAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/batch-complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量审批: complete several tasks with one comment; each succeeds or fails on its own, with its own result */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        taskIds: string[];
                        comment?: string;
                        /** @description Process variables: a JSON object */
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                taskId: string;
                                ok: boolean;
                                task?: {
                                    id: string;
                                    instanceId: string;
                                    elementId: string;
                                    name?: string;
                                    definitionKey: string;
                                    unitPath: string;
                                    status: "open" | "completed" | "cancelled";
                                    assignee?: string;
                                    /** @description Set while the task is delegated: who it goes back to */
                                    owner?: string;
                                    /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                                    onBehalfOf?: string;
                                    candidateUsers: string[];
                                    /** @description role@unit groups the task is offered to */
                                    candidateGroups: string[];
                                    /** Format: date-time */
                                    dueAt?: string;
                                    /** Format: date-time */
                                    followUpAt?: string;
                                    priority: number;
                                    formKey?: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    endedAt?: string;
                                    endedBy?: string;
                                    version: number;
                                    /** @description The name of its procedure (inbox and task detail) */
                                    processName?: string;
                                    /** @description The number of its matter (inbox and task detail) */
                                    businessKey?: string;
                                };
                                error?: {
                                    code: string;
                                    message: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/add-signers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 加签: add signers before (前加签), after (后加签) or beside (并加签) the holder; answers the tasks open at the step */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description before (前加签): the signer first, then back to the holder; after (后加签): each in turn once the holder has completed; parallel (并加签): beside the holder */
                        mode: "before" | "after" | "parallel";
                        userIds: string[];
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                instanceId: string;
                                elementId: string;
                                name?: string;
                                definitionKey: string;
                                unitPath: string;
                                status: "open" | "completed" | "cancelled";
                                assignee?: string;
                                /** @description Set while the task is delegated: who it goes back to */
                                owner?: string;
                                /** @description Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for */
                                onBehalfOf?: string;
                                candidateUsers: string[];
                                /** @description role@unit groups the task is offered to */
                                candidateGroups: string[];
                                /** Format: date-time */
                                dueAt?: string;
                                /** Format: date-time */
                                followUpAt?: string;
                                priority: number;
                                formKey?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                endedAt?: string;
                                endedBy?: string;
                                version: number;
                                /** @description The name of its procedure (inbox and task detail) */
                                processName?: string;
                                /** @description The number of its matter (inbox and task detail) */
                                businessKey?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/fetch-and-lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock up to `max` jobs of these types for this worker; waits up to longPollMs for one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        types: string[];
                        /** @description The worker’s name; only the worker holding the lock may answer */
                        worker: string;
                        /** @default 10 */
                        max: number;
                        /** @default 60000 */
                        lockMs: number;
                        longPollMs?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                type: string;
                                instanceId: string;
                                elementId: string;
                                unitPath: string;
                                retries: number;
                                /** @description Process variables: a JSON object */
                                variables: {
                                    [key: string]: unknown;
                                };
                                headers: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                lockedUntil: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The worker’s name; only the worker holding the lock may answer */
                        worker: string;
                        /** @description Process variables: a JSON object */
                        variables?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a failure: retried after backoffMs while retries are left, else an incident */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The worker’s name; only the worker holding the lock may answer */
                        worker: string;
                        /** @description Retries left; 0 raises an incident */
                        retries: number;
                        backoffMs?: number;
                        /** @description A BPMN error code: thrown at the task, caught by an error boundary */
                        errorCode?: string;
                        errorMessage: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            retries: number;
                            incident: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/extend-lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The worker’s name; only the worker holding the lock may answer */
                        worker: string;
                        lockMs: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            lockedUntil: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit trail */
        get: {
            parameters: {
                query?: {
                    instanceId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description True when every event chain checked verifies */
                            ok: boolean;
                            firstBroken?: {
                                instanceId: string;
                                /** @description The first event whose link does not hold */
                                seq: number;
                                reason: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working-day calendar that holds at a unit for a year */
        get: {
            parameters: {
                query: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit: string;
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the calendar is kept: the unit asked about, a unit above it, or / for the national one */
                            unitPath: string;
                            year: number;
                            /** @description Days off, YYYY-MM-DD, in date order: public holidays and the weekdays given off around them */
                            holidays: string[];
                            /** @description Saturdays and Sundays worked in exchange (调休上班), YYYY-MM-DD, in date order */
                            workdays: string[];
                            /** @description The year’s arrangement is not yet published: the dates are a guess to be replaced */
                            provisional: boolean;
                            note?: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description A user id, or system:calendar for the calendar the server bundles */
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendars/kept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calendars kept at your units and below them, by unit and year */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Where the calendar is kept: the unit asked about, a unit above it, or / for the national one */
                                unitPath: string;
                                year: number;
                                /** @description Days off, YYYY-MM-DD, in date order: public holidays and the weekdays given off around them */
                                holidays: string[];
                                /** @description Saturdays and Sundays worked in exchange (调休上班), YYYY-MM-DD, in date order */
                                workdays: string[];
                                /** @description The year’s arrangement is not yet published: the dates are a guess to be replaced */
                                provisional: boolean;
                                note?: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description A user id, or system:calendar for the calendar the server bundles */
                                updatedBy: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendars/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Keep a unit’s calendar for the year, in place of the one it had; it holds there and below from now on */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        /** @description Days off of the year, YYYY-MM-DD */
                        holidays: string[];
                        /** @description Saturdays and Sundays of the year worked in exchange, YYYY-MM-DD */
                        workdays: string[];
                        /** @default false */
                        provisional?: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the calendar is kept: the unit asked about, a unit above it, or / for the national one */
                            unitPath: string;
                            year: number;
                            /** @description Days off, YYYY-MM-DD, in date order: public holidays and the weekdays given off around them */
                            holidays: string[];
                            /** @description Saturdays and Sundays worked in exchange (调休上班), YYYY-MM-DD, in date order */
                            workdays: string[];
                            /** @description The year’s arrangement is not yet published: the dates are a guess to be replaced */
                            provisional: boolean;
                            note?: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description A user id, or system:calendar for the calendar the server bundles */
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My delegations, as the one away and as deputy, ended ones too, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description Who is away */
                                userId: string;
                                /** @description Who takes their new tasks meanwhile */
                                deputyId: string;
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                until: string;
                                /** @description Only tasks of this procedure; absent: every procedure */
                                definitionKey?: string;
                                reason?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The user themselves, or the admin who set it for them */
                                createdBy: string;
                                /** Format: date-time */
                                endedAt?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Be away: new tasks assigned to me (or, as an admin of their units, to userId) go to the deputy until then */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deputyId: string;
                        userId?: string;
                        /** Format: date-time */
                        from?: string;
                        /** Format: date-time */
                        until: string;
                        definitionKey?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Who is away */
                            userId: string;
                            /** @description Who takes their new tasks meanwhile */
                            deputyId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            until: string;
                            /** @description Only tasks of this procedure; absent: every procedure */
                            definitionKey?: string;
                            reason?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The user themselves, or the admin who set it for them */
                            createdBy: string;
                            /** Format: date-time */
                            endedAt?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delegations/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a delegation now: new tasks go to the user again (the one away, or an admin of their units) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Who is away */
                            userId: string;
                            /** @description Who takes their new tasks meanwhile */
                            deputyId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            until: string;
                            /** @description Only tasks of this procedure; absent: every procedure */
                            definitionKey?: string;
                            reason?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The user themselves, or the admin who set it for them */
                            createdBy: string;
                            /** Format: date-time */
                            endedAt?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first; only the unread with unread=true */
        get: {
            parameters: {
                query?: {
                    /** @description Only those not read yet */
                    unread?: boolean;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description task: a new task for you; cc: a copy; urged: someone urges you; due-soon, overdue: your task; returned, withdrawn: your task was returned or withdrawn; delegated: a task delegated to you */
                                kind: "task" | "cc" | "urged" | "due-soon" | "overdue" | "returned" | "withdrawn" | "delegated" | "objection";
                                unitPath: string;
                                instanceId?: string;
                                taskId?: string;
                                /** @description zh-CN, e.g. 新待办：两委会议商议（鹤峰村文化室修缮） */
                                title: string;
                                body?: string;
                                /** @description Who sent it by hand (抄送, 催办): a user id */
                                from?: string;
                                fromName?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt?: string;
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications are unread */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark some of my notifications read (ids), or all of them (all: true) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your notifications to mark read */
                        ids?: string[];
                        /** @description Mark every notification of yours read */
                        all?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many were unread and are read now */
                            marked: number;
                            /** @description How many are left unread */
                            unread: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhooks of the units I administer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                unitPath: string;
                                url: string;
                                /** @description The end of the secret, e.g. …x7Qa; the secret itself is shown once, when the webhook is created */
                                secretHint: string;
                                /** @description Only these kinds are sent; absent: every kind */
                                kinds?: ("task" | "cc" | "urged" | "due-soon" | "overdue" | "returned" | "withdrawn" | "delegated" | "objection")[];
                                enabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Give a town or district a gateway for its notifications (and its villages’); the answer shows the secret, once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unitPath: string;
                        /** @description The town’s own gateway (SMS, WeChat Work), http or https; one on the town’s own network is fine */
                        url: string;
                        /** @description The HMAC key; a random one when absent */
                        secret?: string;
                        kinds?: ("task" | "cc" | "urged" | "due-soon" | "overdue" | "returned" | "withdrawn" | "delegated" | "objection")[];
                        /** @description Default true; a disabled webhook is sent nothing */
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            unitPath: string;
                            url: string;
                            /** @description The end of the secret, e.g. …x7Qa; the secret itself is shown once, when the webhook is created */
                            secretHint: string;
                            /** @description Only these kinds are sent; absent: every kind */
                            kinds?: ("task" | "cc" | "urged" | "due-soon" | "overdue" | "returned" | "withdrawn" | "delegated" | "objection")[];
                            enabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** @description The HMAC key deliveries are signed with; keep it in the gateway, it is not shown again */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook; its pending deliveries are dropped */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries that failed every attempt, of the units I administer, the last given up first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The delivery; replay it by this id */
                                id: string;
                                webhookId: string;
                                notificationId: string;
                                /** @description task: a new task for you; cc: a copy; urged: someone urges you; due-soon, overdue: your task; returned, withdrawn: your task was returned or withdrawn; delegated: a task delegated to you */
                                kind: "task" | "cc" | "urged" | "due-soon" | "overdue" | "returned" | "withdrawn" | "delegated" | "objection";
                                userId: string;
                                /** @description The notification’s unit */
                                unitPath: string;
                                title: string;
                                /** @description What the last attempt met, e.g. HTTP 502, no answer within 5 s */
                                lastError: string;
                                /** Format: date-time */
                                failedAt: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver a dead letter again, now, with every attempt it had at first */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Objections filed on the boards of a unit and the units below it, newest first (phone numbers masked) */
        get: {
            parameters: {
                query: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                noticeId: string;
                                instanceId: string;
                                unitPath: string;
                                content: string;
                                name?: string;
                                /** @description Masked: 138****8000 */
                                phone?: string;
                                /** Format: date-time */
                                receivedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The template library: each template with its newest version and every version kept */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description The newest version in the library */
                                version: string;
                                versions: string[];
                                name: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                description: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                category: string;
                                roles: string[];
                                sources: {
                                    title: string;
                                    article?: string;
                                    rule: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a template version to the library (a package as template-kit reads it); a version kept already must be the same package (409) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        manifest: {
                            [key: string]: unknown;
                        };
                        /** @description BPMN 2.0 XML with {{parameter}} placeholders */
                        process: string;
                        forms: {
                            key: string;
                            title: string;
                            schema: {
                                [key: string]: unknown;
                            };
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        }[];
                        parameters: {
                            key: string;
                            title: string;
                            schema: {
                                [key: string]: unknown;
                            };
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        };
                        texts?: {
                            [key: string]: unknown;
                        };
                        readme?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The newest version in the library */
                            version: string;
                            versions: string[];
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            description: {
                                "zh-CN": string;
                                en: string;
                            };
                            category: string;
                            roles: string[];
                            sources: {
                                title: string;
                                article?: string;
                                rule: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template version: its manifest, model, forms and parameter schema */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The template, e.g. key-matters */
                    id: string;
                    /** @description Semver, e.g. 1.0.0 */
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manifest: {
                                [key: string]: unknown;
                            };
                            /** @description BPMN 2.0 XML with {{parameter}} placeholders */
                            process: string;
                            forms: {
                                key: string;
                                title: string;
                                schema: {
                                    [key: string]: unknown;
                                };
                                uiSchema?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            parameters: {
                                key: string;
                                title: string;
                                schema: {
                                    [key: string]: unknown;
                                };
                                uiSchema?: {
                                    [key: string]: unknown;
                                };
                            };
                            texts?: {
                                [key: string]: unknown;
                            };
                            readme?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/versions/{version}/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a template version to the units below yours, with your bounds and defaults (400 SZ_TEMPLATE_INVALID names each) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The template, e.g. key-matters */
                    id: string;
                    /** @description Semver, e.g. 1.0.0 */
                    version: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        /** @description Per parameter: the town’s bounds, within the template’s */
                        bounds?: {
                            [key: string]: {
                                minimum?: number;
                                maximum?: number;
                                enum?: unknown[];
                                minItems?: number;
                                maxItems?: number;
                                maxLength?: number;
                            };
                        };
                        /** @description Per parameter: the town’s default */
                        defaults?: {
                            [key: string]: unknown;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            version: string;
                            unitPath: string;
                            bounds: {
                                [key: string]: unknown;
                            };
                            defaults: {
                                [key: string]: unknown;
                            };
                            note?: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string;
                            name?: {
                                "zh-CN": string;
                                en: string;
                            };
                            description?: {
                                "zh-CN": string;
                                en: string;
                            };
                            /** @description The name of the unit that published it */
                            unitName?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/template-publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Publications a unit may adopt (made at it or above it); without a unit, those made within your units */
        get: {
            parameters: {
                query?: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit?: string;
                    template?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                templateId: string;
                                version: string;
                                unitPath: string;
                                bounds: {
                                    [key: string]: unknown;
                                };
                                defaults: {
                                    [key: string]: unknown;
                                };
                                note?: string;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string;
                                name?: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                description?: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                /** @description The name of the unit that published it */
                                unitName?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/template-publications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A publication with its parameters under the town’s bounds, as the form a unit fills in to customise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            version: string;
                            unitPath: string;
                            bounds: {
                                [key: string]: unknown;
                            };
                            defaults: {
                                [key: string]: unknown;
                            };
                            note?: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string;
                            name?: {
                                "zh-CN": string;
                                en: string;
                            };
                            description?: {
                                "zh-CN": string;
                                en: string;
                            };
                            /** @description The name of the unit that published it */
                            unitName?: string;
                            /** @description The parameters under the town’s bounds, as a form */
                            parameters: {
                                key: string;
                                title: string;
                                schema: {
                                    [key: string]: unknown;
                                };
                                uiSchema?: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/adoptions/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What adopting with this overlay would deploy, checked as a deployment is; nothing is stored */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publicationId: string;
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        overlay: {
                            /** @description The values the unit sets; the rest follow the town */
                            parameters?: {
                                [key: string]: unknown;
                            };
                            /** @description Per form key: JSON Patch add operations (a new field, required, its display, its place) */
                            fields?: {
                                [key: string]: {
                                    op: string;
                                    path: string;
                                    value?: unknown;
                                }[];
                            };
                            /** @description The unit’s own name for the procedure */
                            name?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            xml: string;
                            forms: {
                                key: string;
                                title: string;
                                schema: {
                                    [key: string]: unknown;
                                };
                                uiSchema?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            variables: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/adoptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adoptions at a unit and the units below it (default: all within your units) */
        get: {
            parameters: {
                query?: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                templateId: string;
                                unitPath: string;
                                /** @description Send it back with a change: a stale one answers 409 SZ_ADOPTION_CONFLICT */
                                revision: number;
                                publicationId: string;
                                /** @description The template version deployed now */
                                version: string;
                                overlay: {
                                    [key: string]: unknown;
                                };
                                /** @description The definition deployed now */
                                definitionId: string;
                                deployments: {
                                    publicationId: string;
                                    version: string;
                                    overlay: {
                                        [key: string]: unknown;
                                    };
                                    definitionId: string;
                                    /** Format: date-time */
                                    deployedAt: string;
                                    deployedBy: string;
                                    note?: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Adopt a publication at a unit: the overlay is kept and the rendering deployed as the unit’s own definition */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publicationId: string;
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        overlay: {
                            /** @description The values the unit sets; the rest follow the town */
                            parameters?: {
                                [key: string]: unknown;
                            };
                            /** @description Per form key: JSON Patch add operations (a new field, required, its display, its place) */
                            fields?: {
                                [key: string]: {
                                    op: string;
                                    path: string;
                                    value?: unknown;
                                }[];
                            };
                            /** @description The unit’s own name for the procedure */
                            name?: string;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            unitPath: string;
                            /** @description Send it back with a change: a stale one answers 409 SZ_ADOPTION_CONFLICT */
                            revision: number;
                            publicationId: string;
                            /** @description The template version deployed now */
                            version: string;
                            overlay: {
                                [key: string]: unknown;
                            };
                            /** @description The definition deployed now */
                            definitionId: string;
                            deployments: {
                                publicationId: string;
                                version: string;
                                overlay: {
                                    [key: string]: unknown;
                                };
                                definitionId: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                                note?: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/adoptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One adoption with every deployment it made */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            unitPath: string;
                            /** @description Send it back with a change: a stale one answers 409 SZ_ADOPTION_CONFLICT */
                            revision: number;
                            publicationId: string;
                            /** @description The template version deployed now */
                            version: string;
                            overlay: {
                                [key: string]: unknown;
                            };
                            /** @description The definition deployed now */
                            definitionId: string;
                            deployments: {
                                publicationId: string;
                                version: string;
                                overlay: {
                                    [key: string]: unknown;
                                };
                                definitionId: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                                note?: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Customise: a new overlay over the same publication, deployed as a new version (running instances keep theirs) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        revision: number;
                        overlay: {
                            /** @description The values the unit sets; the rest follow the town */
                            parameters?: {
                                [key: string]: unknown;
                            };
                            /** @description Per form key: JSON Patch add operations (a new field, required, its display, its place) */
                            fields?: {
                                [key: string]: {
                                    op: string;
                                    path: string;
                                    value?: unknown;
                                }[];
                            };
                            /** @description The unit’s own name for the procedure */
                            name?: string;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            unitPath: string;
                            /** @description Send it back with a change: a stale one answers 409 SZ_ADOPTION_CONFLICT */
                            revision: number;
                            publicationId: string;
                            /** @description The template version deployed now */
                            version: string;
                            overlay: {
                                [key: string]: unknown;
                            };
                            /** @description The definition deployed now */
                            definitionId: string;
                            deployments: {
                                publicationId: string;
                                version: string;
                                overlay: {
                                    [key: string]: unknown;
                                };
                                definitionId: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                                note?: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/adoptions/{id}/upgrade-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What upgrading to a publication changes (parameters, steps, forms) and the conflicts left after the decisions given */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publicationId: string;
                        /** @description Per conflict id: how it is settled */
                        decisions?: {
                            [key: string]: {
                                action: "drop" | "default" | "value" | "rename";
                                value?: unknown;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                from: string;
                                to: string;
                                parameters: {
                                    [key: string]: unknown;
                                }[];
                                steps: {
                                    [key: string]: unknown;
                                }[];
                                flows: {
                                    added: number;
                                    removed: number;
                                };
                                forms: {
                                    [key: string]: unknown;
                                }[];
                                summary: string[];
                            };
                            overlay: {
                                [key: string]: unknown;
                            };
                            conflicts: {
                                id: string;
                                kind: string;
                                message: string;
                                options: string[];
                                current?: unknown;
                                refused?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/adoptions/{id}/upgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upgrade to a publication: the overlay carried over, every conflict decided (409 SZ_TEMPLATE_CONFLICTS lists those left) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publicationId: string;
                        revision: number;
                        /** @description Per conflict id: how it is settled */
                        decisions?: {
                            [key: string]: {
                                action: "drop" | "default" | "value" | "rename";
                                value?: unknown;
                            };
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            unitPath: string;
                            /** @description Send it back with a change: a stale one answers 409 SZ_ADOPTION_CONFLICT */
                            revision: number;
                            publicationId: string;
                            /** @description The template version deployed now */
                            version: string;
                            overlay: {
                                [key: string]: unknown;
                            };
                            /** @description The definition deployed now */
                            definitionId: string;
                            deployments: {
                                publicationId: string;
                                version: string;
                                overlay: {
                                    [key: string]: unknown;
                                };
                                definitionId: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                                note?: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/adoptions/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll back to the deployment before the newest, deployed again as a new version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        revision: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            templateId: string;
                            unitPath: string;
                            /** @description Send it back with a change: a stale one answers 409 SZ_ADOPTION_CONFLICT */
                            revision: number;
                            publicationId: string;
                            /** @description The template version deployed now */
                            version: string;
                            overlay: {
                                [key: string]: unknown;
                            };
                            /** @description The definition deployed now */
                            definitionId: string;
                            deployments: {
                                publicationId: string;
                                version: string;
                                overlay: {
                                    [key: string]: unknown;
                                };
                                definitionId: string;
                                /** Format: date-time */
                                deployedAt: string;
                                deployedBy: string;
                                note?: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The registers kept at your units (or at one of them), by unit */
        get: {
            parameters: {
                query?: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                unitPath: string;
                                /** @description e.g. rental-houses */
                                id: string;
                                /** @description In the language asked for */
                                name: string;
                                /** @description The form of an entry (GET /api/forms/{key}?unit=...) */
                                formKey: string;
                                keyField: string;
                                /** @description The procedure (definition key) that keeps it */
                                declaredBy: string;
                                /** @description You may add, correct and retire its entries */
                                writable: boolean;
                                /** @description Identity and mobile numbers in its entries are masked for you */
                                masked: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/{register}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The form of an entry as it stands at the unit (the newest version deployed there or above) */
        get: {
            parameters: {
                query: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit: string;
                };
                header?: never;
                path: {
                    /** @description e.g. rental-houses */
                    register: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            version: number;
                            title: string;
                            keyField: string;
                            schema: {
                                [key: string]: unknown;
                            };
                            uiSchema?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/{register}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A register added up across the units at and below one (a town’s villages): per unit and group, entries, totals, trues */
        get: {
            parameters: {
                query: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit: string;
                    /** @description The field to group by, e.g. pair */
                    by?: string;
                    /** @description Number fields to total, comma-separated, e.g. visits,attended */
                    sum?: string;
                    /** @description Boolean fields to count the true ones of, e.g. onTime */
                    count?: string;
                };
                header?: never;
                path: {
                    /** @description e.g. rental-houses */
                    register: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The unit whose register the row adds up */
                                unitPath: string;
                                /** @description The `by` field’s value */
                                group?: string | null;
                                entries: number;
                                sums: {
                                    [key: string]: number;
                                };
                                counts: {
                                    [key: string]: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/{register}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A register’s entries in key order, a page at a time */
        get: {
            parameters: {
                query: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit: string;
                    /** @description Also the entries taken off the register */
                    retired?: boolean;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description e.g. rental-houses */
                    register: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                revision: number;
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description Taken off the register; its history stays */
                                retired: boolean;
                                /** Format: date-time */
                                at: string;
                                /** @description A user id, or system:registers for a procedure’s step */
                                by: string;
                                byName?: string;
                                /** @description The procedure instance that wrote it */
                                instanceId?: string;
                                note?: string;
                                /** @description Identity and mobile numbers are masked: your roles here do not keep the register */
                                masked: boolean;
                            }[];
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an entry: its key is the value of the register’s key field; one there already answers 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description e.g. rental-houses */
                    register: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        /** @description The entry as the register’s form takes it */
                        data: {
                            [key: string]: unknown;
                        };
                        /** @description Why, kept with the revision */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            revision: number;
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description Taken off the register; its history stays */
                            retired: boolean;
                            /** Format: date-time */
                            at: string;
                            /** @description A user id, or system:registers for a procedure’s step */
                            by: string;
                            byName?: string;
                            /** @description The procedure instance that wrote it */
                            instanceId?: string;
                            note?: string;
                            /** @description Identity and mobile numbers are masked: your roles here do not keep the register */
                            masked: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/{register}/entries/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry and its history, newest first */
        get: {
            parameters: {
                query: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit: string;
                };
                header?: never;
                path: {
                    /** @description e.g. rental-houses */
                    register: string;
                    /** @description The entry’s key: the value of the register’s key field */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entry: {
                                key: string;
                                revision: number;
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description Taken off the register; its history stays */
                                retired: boolean;
                                /** Format: date-time */
                                at: string;
                                /** @description A user id, or system:registers for a procedure’s step */
                                by: string;
                                byName?: string;
                                /** @description The procedure instance that wrote it */
                                instanceId?: string;
                                note?: string;
                                /** @description Identity and mobile numbers are masked: your roles here do not keep the register */
                                masked: boolean;
                            };
                            /** @description Newest first */
                            history: {
                                key: string;
                                revision: number;
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description Taken off the register; its history stays */
                                retired: boolean;
                                /** Format: date-time */
                                at: string;
                                /** @description A user id, or system:registers for a procedure’s step */
                                by: string;
                                byName?: string;
                                /** @description The procedure instance that wrote it */
                                instanceId?: string;
                                note?: string;
                                /** @description Identity and mobile numbers are masked: your roles here do not keep the register */
                                masked: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Write the entry’s next revision over the one you read (a retired entry comes back) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description e.g. rental-houses */
                    register: string;
                    /** @description The entry’s key: the value of the register’s key field */
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        data: {
                            [key: string]: unknown;
                        };
                        /** @description The revision read: a write over another one answers 409 */
                        revision: number;
                        /** @description Why, kept with the revision */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            revision: number;
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description Taken off the register; its history stays */
                            retired: boolean;
                            /** Format: date-time */
                            at: string;
                            /** @description A user id, or system:registers for a procedure’s step */
                            by: string;
                            byName?: string;
                            /** @description The procedure instance that wrote it */
                            instanceId?: string;
                            note?: string;
                            /** @description Identity and mobile numbers are masked: your roles here do not keep the register */
                            masked: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/{register}/entries/{key}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an entry off the register (a house demolished, a clause deleted); its history stays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description e.g. rental-houses */
                    register: string;
                    /** @description The entry’s key: the value of the register’s key field */
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        /** @description The revision read: a write over another one answers 409 */
                        revision: number;
                        /** @description Why, kept with the revision */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            revision: number;
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description Taken off the register; its history stays */
                            retired: boolean;
                            /** Format: date-time */
                            at: string;
                            /** @description A user id, or system:registers for a procedure’s step */
                            by: string;
                            byName?: string;
                            /** @description The procedure instance that wrote it */
                            instanceId?: string;
                            note?: string;
                            /** @description Identity and mobile numbers are masked: your roles here do not keep the register */
                            masked: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pairings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pairing register: each village’s pairs under a unit (its adoption of pairing-schedule) */
        get: {
            parameters: {
                query: {
                    /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                    unit: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                unitPath: string;
                                /** @description The village */
                                name: string;
                                adoptionId: string;
                                /** @description The adoption’s revision */
                                revision: number;
                                pairs: {
                                    name: string;
                                    townBranch: string;
                                    villageBranch: string;
                                    /** @description Username */
                                    townMember: string;
                                    villageMembers?: string[];
                                    place: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pairings/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pair each village under a town with a town branch and member within the town’s limits; apply: true sets them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                        unit: string;
                        branches: {
                            /** @description A town office’s party branch */
                            branch: string;
                            /** @description The members who go to villages for it */
                            members: string[];
                        }[];
                        /** @description The town’s limit: villages one branch takes at most */
                        villagesPerBranch: number;
                        /** @description The town’s limit: villages one member goes to at most */
                        villagesPerMember: number;
                        /**
                         * @description Set each village’s pairs to its planned pair (a customisation of its adoption)
                         * @default false
                         */
                        apply?: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pairs: {
                                unitPath: string;
                                name: string;
                                pair: {
                                    name: string;
                                    townBranch: string;
                                    villageBranch: string;
                                    /** @description Username */
                                    townMember: string;
                                    villageMembers?: string[];
                                    place: string;
                                };
                            }[];
                            applied: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/matters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Matters started in a range at a unit and below: open, overdue, closed on time and late, by unit or procedure */
        get: {
            parameters: {
                query: {
                    /** @description The unit counted, with everything below it: a town its villages, a village itself */
                    unit: string;
                    /** @description Matters started from this time on */
                    from: string;
                    /** @description and before this time */
                    to: string;
                    /** @description Only the matters of this procedure */
                    definitionKey?: string;
                    /** @description unit: one row per unit right below the one asked for (a town: per village), and the unit itself when it has matters of its own; procedure: one row per procedure */
                    by?: "unit" | "procedure";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: {
                                /** @description Materialized unit path, e.g. /nanhai/lishui/hefeng/ */
                                path: string;
                                name: string;
                            };
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /**
                             * Format: date-time
                             * @description Overdue as of this time
                             */
                            asOf: string;
                            by: "unit" | "procedure";
                            total: {
                                /** @description Matters started in the range, cancelled and withdrawn ones too */
                                started: number;
                                /** @description 在办: still running */
                                open: number;
                                /** @description 逾期: of the open, those with a step past its due time now */
                                overdue: number;
                                /** @description 办结: run to an end (completed or terminated) */
                                closed: number;
                                /** @description 按期办结: closed with every step done by its due time */
                                closedOnTime: number;
                                /** @description 逾期办结: closed with some step done after its due time */
                                closedLate: number;
                                /** @description 办结率: closed / (open + closed); null when there are none */
                                closureRate: number | null;
                                /** @description 按期率: closed on time / closed; null when none closed */
                                onTimeRate: number | null;
                            };
                            rows: {
                                /** @description The unit path, or the procedure key */
                                key: string;
                                /** @description The unit name, or the procedure name (its key when it has none) */
                                name: string;
                                /** @description Matters started in the range, cancelled and withdrawn ones too */
                                started: number;
                                /** @description 在办: still running */
                                open: number;
                                /** @description 逾期: of the open, those with a step past its due time now */
                                overdue: number;
                                /** @description 办结: run to an end (completed or terminated) */
                                closed: number;
                                /** @description 按期办结: closed with every step done by its due time */
                                closedOnTime: number;
                                /** @description 逾期办结: closed with some step done after its due time */
                                closedLate: number;
                                /** @description 办结率: closed / (open + closed); null when there are none */
                                closureRate: number | null;
                                /** @description 按期率: closed on time / closed; null when none closed */
                                onTimeRate: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/matters/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per week or month of a range: the matters started, closed and closed on time at a unit and below */
        get: {
            parameters: {
                query: {
                    /** @description The unit counted, with everything below it: a town its villages, a village itself */
                    unit: string;
                    /** @description Matters started from this time on */
                    from: string;
                    /** @description and before this time */
                    to: string;
                    /** @description Only the matters of this procedure */
                    definitionKey?: string;
                    /** @description Weeks from Monday or months, from midnight China time */
                    interval?: "week" | "month";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            interval: "week" | "month";
                            points: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                                started: number;
                                closed: number;
                                closedOnTime: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sum to answer with an objection (no login); good once, for ten minutes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            /** @description A sum, e.g. 3 + 5 = ? */
                            question: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/units/{unitPath}/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notices a unit’s board shows now, newest first (no login) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The unit path, URL-encoded: %2Fnanhai%2Flishui%2Fhefeng%2F */
                    unitPath: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: {
                                path: string;
                                name: string;
                            };
                            items: {
                                id: string;
                                title: string;
                                body?: string;
                                /** @description Which board of the unit, when it has several */
                                board?: string;
                                /** @description Posted with it: GET …/notices/{noticeId}/attachments/{attachmentId} while it is posted */
                                attachments?: {
                                    id: string;
                                    fileName: string;
                                    contentType: string;
                                    size: number;
                                }[];
                                /** Format: date-time */
                                postedAt: string;
                                /** Format: date-time */
                                until: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/units/{unitPath}/notices/{noticeId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file posted with a notice, while the notice is posted (no login) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    unitPath: string;
                    noticeId: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/units/{unitPath}/notices/{noticeId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File an objection to a notice while it is posted (no login; 5 per address in 10 minutes) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The unit path, URL-encoded: %2Fnanhai%2Flishui%2Fhefeng%2F */
                    unitPath: string;
                    noticeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the villager objects to */
                        content: string;
                        name?: string;
                        /** @description A mainland mobile number, for a reply */
                        phone?: string;
                        /** @description The answer to the board’s sum */
                        challenge: {
                            /** @description From GET /api/public/challenge */
                            token: string;
                            answer: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** Format: date-time */
                            receivedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        Error: {
            /** @description SZ_* code, see docs/errors.md */
            code: string;
            /** @description In the language Accept-Language asks for: zh-CN (the default) or en */
            message: string;
            details?: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

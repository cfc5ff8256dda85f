// Generated from docs/openapi.json by `npm run client:generate`. Do not edit by hand.

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description Answers 200 while the process serves requests.
     */
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
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness
     * @description Answers 200 when the database answers a query, 503 otherwise.
     */
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
            'application/json': {
              /** @enum {string} */
              status: 'ready';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'unavailable';
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
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who the key belongs to
     * @description With a dashboard session instead of a key, `api_key` is null.
     */
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
            'application/json': {
              data: {
                organization: {
                  id: number;
                  name: string;
                };
                user: {
                  /** Format: uuid */
                  id: string;
                  email: string;
                  name: string | null;
                  role: string;
                  /**
                   * Format: uuid
                   * @description The agent this user is (see /v1/agents); when the agent has no name there, the user’s name is its name. Null for a user who is no agent.
                   */
                  agent_id: string | null;
                };
                api_key: {
                  id: number;
                  scopes: ('read_all' | 'write_all')[];
                } | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change your own name */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
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
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string | null;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the organization's API keys
     * @description The keys themselves are shown once, when made, and never again. Admins only: an agent is refused with 403 `forbidden_role`.
     */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                user_id: string;
                /** @description The user the key belongs to. */
                owner: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string;
                };
                name: string | null;
                /** @description The first characters of the key, to tell keys apart. */
                prefix: string;
                scopes: ('read_all' | 'write_all')[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_used_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                revoked_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API key
     * @description Issues a key to `user_id` (default: the caller); the key acts with that user's role. The key is in this answer only. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            scopes: ('read_all' | 'write_all')[];
            name?: string;
            /** Format: uuid */
            user_id?: string;
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                user_id: string;
                /** @description The user the key belongs to. */
                owner: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string;
                };
                name: string | null;
                /** @description The first characters of the key, to tell keys apart. */
                prefix: string;
                scopes: ('read_all' | 'write_all')[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_used_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                revoked_at: string | null;
                api_key: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description A revoked key answers 401 from then on. Revoking twice changes nothing. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /**
           * @description The integer id (at most 9223372036854775807).
           * @example 42
           */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                user_id: string;
                /** @description The user the key belongs to. */
                owner: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string;
                };
                name: string | null;
                /** @description The first characters of the key, to tell keys apart. */
                prefix: string;
                scopes: ('read_all' | 'write_all')[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_used_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                revoked_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the organization's members
     * @description Active members first, then deactivated ones; each with their role and last sign-in. Admins only: an agent is refused with 403 `forbidden_role`.
     */
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
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string | null;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
                status: 'active' | 'deactivated';
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_sign_in_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                deactivated_at: string | null;
                /**
                 * Format: uuid
                 * @description The agent (see /v1/agents) this member is in conversations; null for a member who is no agent.
                 */
                agent_id: string | null;
                /** @description The linked agent's name as everyone sees it: the directory's, else this member's. Null without an agent. */
                agent_name: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a member's role or linked agent
     * @description Changes what the body names, all or nothing. The last active admin cannot become an agent: 409 `last_admin`; a deactivated member keeps their role (409 `user_deactivated`), though their agent may change. `agent_id` links the member to an agent already in the directory (404 `agent_not_found` otherwise; nothing is created) and linked to nobody else (409 `agent_already_linked`); null unlinks. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    patch: {
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
          'application/json': {
            /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
            role?: 'admin' | 'agent';
            /**
             * Format: uuid
             * @description Links the member to this agent of the directory (null unlinks): the agent must be in the directory already (PUT /v1/agents/{agent_id}), and linked to nobody else.
             */
            agent_id?: string | null;
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
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string | null;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
                status: 'active' | 'deactivated';
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_sign_in_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                deactivated_at: string | null;
                /**
                 * Format: uuid
                 * @description The agent (see /v1/agents) this member is in conversations; null for a member who is no agent.
                 */
                agent_id: string | null;
                /** @description The linked agent's name as everyone sees it: the directory's, else this member's. Null without an agent. */
                agent_name: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deactivate a member
     * @description At once and in one transaction, their dashboard sessions end and their API keys are revoked; they can no longer sign in. Deactivating twice changes nothing. The last active admin: 409 `last_admin`. Admins only: an agent is refused with 403 `forbidden_role`.
     */
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
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string | null;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
                status: 'active' | 'deactivated';
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_sign_in_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                deactivated_at: string | null;
                /**
                 * Format: uuid
                 * @description The agent (see /v1/agents) this member is in conversations; null for a member who is no agent.
                 */
                agent_id: string | null;
                /** @description The linked agent's name as everyone sees it: the directory's, else this member's. Null without an agent. */
                agent_name: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the pending invitations
     * @description Invitations neither accepted, revoked nor expired, newest first. Admins only: an agent is refused with 403 `forbidden_role`.
     */
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
            'application/json': {
              data: {
                id: number;
                email: string;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
                invited_by: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string;
                } | null;
                status: 'pending' | 'accepted' | 'revoked' | 'expired';
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                accepted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                revoked_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /**
     * Invite someone to the team
     * @description Answers the link to accept it (`PUBLIC_URL/accept-invite?token=…`) this once; with `SMTP_URL` set it is also emailed. The link works once, for 7 days. An email that already has an account: 409 `email_taken`; one already invited: 409 `invitation_pending`. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
            role: 'admin' | 'agent';
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
            'application/json': {
              data: {
                id: number;
                email: string;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
                invited_by: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string;
                } | null;
                status: 'pending' | 'accepted' | 'revoked' | 'expired';
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                accepted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                revoked_at: string | null;
                /** @description The link to accept the invitation: shown in this answer only. */
                link: string;
                /** @description Whether the link also went out by email (SMTP_URL set and accepted). */
                email_sent: boolean;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/invitations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an invitation
     * @description Its link stops working (410 `invitation_revoked`). Revoking twice changes nothing. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /**
           * @description The integer id (at most 9223372036854775807).
           * @example 42
           */
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
            'application/json': {
              data: {
                id: number;
                email: string;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
                invited_by: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string;
                } | null;
                status: 'pending' | 'accepted' | 'revoked' | 'expired';
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                accepted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                revoked_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your own password
     * @description Needs the current password (400 `current_password_incorrect`). The new one has at least 12 characters and is not a common password. Every other session of yours ends; this one stays signed in.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            current_password: string;
            new_password: string;
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
            'application/json': {
              data: {
                ended_sessions: number;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List conversations
     * @description Newest first. Filters combine with AND; `created_to` is exclusive.
     */
    get: {
      parameters: {
        query?: {
          status?: 'open' | 'closed';
          channel?: string;
          agent_id?: string;
          contact_id?: string;
          /** @description The conversation's id in your system. */
          external_id?: string;
          /** @example 2026-03-11T16:39:30.000Z */
          created_from?: string;
          /** @example 2026-03-11T16:39:30.000Z */
          created_to?: string;
          /** @description Only conversations (or answers) written by this model. */
          model?: string;
          /** @description Only conversations (or answers) of this prompt version. */
          prompt_version?: string;
          /** @description Only conversations (or answers) carrying this tag, on a message or on the conversation. */
          tag?: string;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                external_id: string | null;
                channel: string | null;
                status: 'open' | 'closed';
                /** Format: uuid */
                contact_id: string;
                contact_name: string | null;
                contact_email: string | null;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: ('human' | 'ai') | null;
                /** @description The agent's name in the agents directory (or its linked user's); null if unnamed. */
                agent_name: string | null;
                language: string | null;
                metadata: {
                  [key: string]: unknown;
                };
                tags: string[];
                message_count: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                closed_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                anonymized_at: string | null;
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a conversation
     * @description Creates a conversation, optionally with its first messages. Needs `write_all`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The conversation's id in your system. */
            external_id?: string;
            /**
             * @example widget_chat
             * @example email
             * @example whatsapp
             * @example phone
             */
            channel?: string;
            status?: 'open' | 'closed';
            /**
             * Format: uuid
             * @description The end user; generated when absent.
             */
            contact_id?: string;
            contact_name?: string;
            /** Format: email */
            contact_email?: string;
            /** Format: uuid */
            agent_id?: string;
            agent_type?: 'human' | 'ai';
            /** @description A BCP 47 tag, e.g. `en` or `pt-BR`. */
            language?: string;
            /** @description Free-form attributes of the conversation: at most 50 keys, 16 KiB as JSON, and objects and arrays nested at most 10 levels deep (the metadata object is the first). */
            metadata?: {
              [key: string]: unknown;
            };
            /**
             * @description At most 20 short labels; every message of the conversation carries them too.
             * @example [
             *       "checkout",
             *       "beta"
             *     ]
             */
            tags?: string[];
            /**
             * Format: date-time
             * @example 2026-03-11T16:39:30.000Z
             */
            created_at?: string;
            messages?: {
              /** @description `user` is the contact; `agent` a human agent; `ai` an AI agent; `system` an automated notice. */
              role: 'user' | 'agent' | 'ai' | 'system';
              text: string;
              /**
               * Format: date-time
               * @example 2026-03-11T16:39:30.000Z
               */
              created_at?: string;
              /** Format: uuid */
              author_id?: string;
              /**
               * @description The model that wrote the answer.
               * @example gpt-4o-2024-08-06
               */
              model?: string;
              /**
               * @description The version of the prompt or agent configuration that answered.
               * @example v13
               */
              prompt_version?: string;
              /** @description The trace of the answer in an LLM tracing tool (Langfuse and the like). */
              trace_id?: string;
              /** @description The span (observation) within that trace that produced the answer. */
              span_id?: string;
              /**
               * @description At most 20 short labels; a tag given twice is kept once.
               * @example [
               *       "checkout",
               *       "beta"
               *     ]
               */
              tags?: string[];
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                external_id: string | null;
                channel: string | null;
                status: 'open' | 'closed';
                /** Format: uuid */
                contact_id: string;
                contact_name: string | null;
                contact_email: string | null;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: ('human' | 'ai') | null;
                /** @description The agent's name in the agents directory (or its linked user's); null if unnamed. */
                agent_name: string | null;
                language: string | null;
                metadata: {
                  [key: string]: unknown;
                };
                tags: string[];
                message_count: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                closed_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                anonymized_at: string | null;
                /** @description The messages sent with the request, in order. */
                messages?: {
                  /** Format: uuid */
                  uid: string;
                  conversation_id: number;
                  /** @description `user` is the contact; `agent` a human agent; `ai` an AI agent; `system` an automated notice. */
                  role: 'user' | 'agent' | 'ai' | 'system';
                  /** @description Null once the conversation is anonymized. */
                  text: string | null;
                  /** Format: uuid */
                  author_id: string | null;
                  model: string | null;
                  prompt_version: string | null;
                  trace_id: string | null;
                  span_id: string | null;
                  /** @description The message's own tags (the conversation's are on the conversation). */
                  tags: string[];
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  created_at: string;
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import conversations
     * @description Creates up to 5,000 conversations with their messages in one transaction. Idempotent by `external_id`: a conversation whose `external_id` exists already is left as it is and reported with `created: false`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            conversations: {
              /** @description The conversation's id in your system. */
              external_id: string;
              /**
               * @example widget_chat
               * @example email
               * @example whatsapp
               * @example phone
               */
              channel?: string;
              status?: 'open' | 'closed';
              /**
               * Format: uuid
               * @description The end user; generated when absent.
               */
              contact_id?: string;
              contact_name?: string;
              /** Format: email */
              contact_email?: string;
              /** Format: uuid */
              agent_id?: string;
              agent_type?: 'human' | 'ai';
              /** @description A BCP 47 tag, e.g. `en` or `pt-BR`. */
              language?: string;
              /** @description Free-form attributes of the conversation: at most 50 keys, 16 KiB as JSON, and objects and arrays nested at most 10 levels deep (the metadata object is the first). */
              metadata?: {
                [key: string]: unknown;
              };
              /**
               * @description At most 20 short labels; every message of the conversation carries them too.
               * @example [
               *       "checkout",
               *       "beta"
               *     ]
               */
              tags?: string[];
              /**
               * Format: date-time
               * @example 2026-03-11T16:39:30.000Z
               */
              created_at?: string;
              messages?: {
                /** @description `user` is the contact; `agent` a human agent; `ai` an AI agent; `system` an automated notice. */
                role: 'user' | 'agent' | 'ai' | 'system';
                text: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at?: string;
                /** Format: uuid */
                author_id?: string;
                /**
                 * @description The model that wrote the answer.
                 * @example gpt-4o-2024-08-06
                 */
                model?: string;
                /**
                 * @description The version of the prompt or agent configuration that answered.
                 * @example v13
                 */
                prompt_version?: string;
                /** @description The trace of the answer in an LLM tracing tool (Langfuse and the like). */
                trace_id?: string;
                /** @description The span (observation) within that trace that produced the answer. */
                span_id?: string;
                /**
                 * @description At most 20 short labels; a tag given twice is kept once.
                 * @example [
                 *       "checkout",
                 *       "beta"
                 *     ]
                 */
                tags?: string[];
              }[];
            }[];
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
            'application/json': {
              data: {
                /** @description Conversations created by this import. */
                created: number;
                /** @description Conversations whose external_id existed already; left as they were. */
                unchanged: number;
                conversations: {
                  external_id: string;
                  id: number;
                  /** Format: uuid */
                  uid: string;
                  created: boolean;
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a conversation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                external_id: string | null;
                channel: string | null;
                status: 'open' | 'closed';
                /** Format: uuid */
                contact_id: string;
                contact_name: string | null;
                contact_email: string | null;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: ('human' | 'ai') | null;
                /** @description The agent's name in the agents directory (or its linked user's); null if unnamed. */
                agent_name: string | null;
                language: string | null;
                metadata: {
                  [key: string]: unknown;
                };
                tags: string[];
                message_count: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                closed_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                anonymized_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a conversation
     * @description Changes status, agent, channel, language or metadata. Closing sets `closed_at`; reopening clears it.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            status?: 'open' | 'closed';
            /** Format: uuid */
            agent_id?: string | null;
            agent_type?: ('human' | 'ai') | null;
            /**
             * @example widget_chat
             * @example email
             * @example whatsapp
             * @example phone
             */
            channel?: string;
            /** @description A BCP 47 tag, e.g. `en` or `pt-BR`. */
            language?: string | null;
            /** @description Free-form attributes of the conversation: at most 50 keys, 16 KiB as JSON, and objects and arrays nested at most 10 levels deep (the metadata object is the first). */
            metadata?: {
              [key: string]: unknown;
            };
            /**
             * @description Replaces the conversation's own tags.
             * @example [
             *       "checkout",
             *       "beta"
             *     ]
             */
            tags?: string[];
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                external_id: string | null;
                channel: string | null;
                status: 'open' | 'closed';
                /** Format: uuid */
                contact_id: string;
                contact_name: string | null;
                contact_email: string | null;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: ('human' | 'ai') | null;
                /** @description The agent's name in the agents directory (or its linked user's); null if unnamed. */
                agent_name: string | null;
                language: string | null;
                metadata: {
                  [key: string]: unknown;
                };
                tags: string[];
                message_count: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                closed_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                anonymized_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the messages of a conversation
     * @description In conversation order (by `created_at`, then arrival), each with the caller's current feedback and the totals over every author.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                /** Format: uuid */
                uid: string;
                conversation_id: number;
                /** @description `user` is the contact; `agent` a human agent; `ai` an AI agent; `system` an automated notice. */
                role: 'user' | 'agent' | 'ai' | 'system';
                /** @description Null once the conversation is anonymized. */
                text: string | null;
                /** Format: uuid */
                author_id: string | null;
                model: string | null;
                prompt_version: string | null;
                trace_id: string | null;
                span_id: string | null;
                /** @description The message's own tags (the conversation's are on the conversation). */
                tags: string[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /** @description The caller's current feedback on the message: their latest record. */
                my_feedback: {
                  /** Format: uuid */
                  uid: string;
                  rating: ('like' | 'dislike') | null;
                  comment: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  created_at: string;
                } | null;
                /** @description Authors whose current feedback is a like. */
                likes: number;
                /** @description Authors whose current feedback is a dislike. */
                dislikes: number;
                /** @description Authors whose current feedback has a comment. */
                comments: number;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /** Add a message */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description `user` is the contact; `agent` a human agent; `ai` an AI agent; `system` an automated notice. */
            role: 'user' | 'agent' | 'ai' | 'system';
            text: string;
            /**
             * Format: date-time
             * @example 2026-03-11T16:39:30.000Z
             */
            created_at?: string;
            /** Format: uuid */
            author_id?: string;
            /**
             * @description The model that wrote the answer.
             * @example gpt-4o-2024-08-06
             */
            model?: string;
            /**
             * @description The version of the prompt or agent configuration that answered.
             * @example v13
             */
            prompt_version?: string;
            /** @description The trace of the answer in an LLM tracing tool (Langfuse and the like). */
            trace_id?: string;
            /** @description The span (observation) within that trace that produced the answer. */
            span_id?: string;
            /**
             * @description At most 20 short labels; a tag given twice is kept once.
             * @example [
             *       "checkout",
             *       "beta"
             *     ]
             */
            tags?: string[];
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
            'application/json': {
              data: {
                /** Format: uuid */
                uid: string;
                conversation_id: number;
                /** @description `user` is the contact; `agent` a human agent; `ai` an AI agent; `system` an automated notice. */
                role: 'user' | 'agent' | 'ai' | 'system';
                /** @description Null once the conversation is anonymized. */
                text: string | null;
                /** Format: uuid */
                author_id: string | null;
                model: string | null;
                prompt_version: string | null;
                trace_id: string | null;
                span_id: string | null;
                /** @description The message's own tags (the conversation's are on the conversation). */
                tags: string[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations/{id}/anonymize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Anonymize a conversation
     * @description Removes the message texts and the contact data (name, email, metadata; the contact id is replaced) for good, and keeps the numbers so that statistics survive. Irreversible; recorded in the audit log. Anonymizing twice changes nothing.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                external_id: string | null;
                channel: string | null;
                status: 'open' | 'closed';
                /** Format: uuid */
                contact_id: string;
                contact_name: string | null;
                contact_email: string | null;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: ('human' | 'ai') | null;
                /** @description The agent's name in the agents directory (or its linked user's); null if unnamed. */
                agent_name: string | null;
                language: string | null;
                metadata: {
                  [key: string]: unknown;
                };
                tags: string[];
                message_count: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                closed_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                anonymized_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/rating-settings/texts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the languages of the texts
     * @description Every language of the rating page, the widget, the invite message and the thank-you page, with how many of its texts the organization overrides. Admins only: an agent is refused with 403 `forbidden_role`.
     */
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
            'application/json': {
              data: {
                /** @description A language of the rating page, the widget, the invite message and the thank-you page. */
                language:
                  'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar';
                /** @description The language in its own words, e.g. `Deutsch`. */
                name: string;
                /** @description The language in English, e.g. `German`. */
                english_name: string;
                /** @description The direction it is written in. */
                dir: 'ltr' | 'rtl';
                /** @description How many of its texts the organization overrides. */
                override_count: number;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/rating-settings/texts/{language}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the texts of a language
     * @description Each text's key, its default in the language, the organization's override (or null). Admins only: an agent is refused with 403 `forbidden_role`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A language code, e.g. `de`; see the list of languages. */
          language: string;
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
            'application/json': {
              data: {
                /** @description A language of the rating page, the widget, the invite message and the thank-you page. */
                language:
                  'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar';
                /** @description The language in its own words, e.g. `Deutsch`. */
                name: string;
                /** @description The language in English, e.g. `German`. */
                english_name: string;
                /** @description The direction it is written in. */
                dir: 'ltr' | 'rtl';
                texts: {
                  key: string;
                  /** @description Where the text shows. */
                  group: 'rating_page' | 'thank_you_page' | 'closed_pages' | 'widget' | 'invite';
                  /** @description The text Plaudit says in this language when it isn't overridden. */
                  default: string;
                  /** @description The organization's text; null: the default. */
                  override: string | null;
                  /** @description The placeholders the text may use, such as `{brand}` (without braces). */
                  placeholders: string[];
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    /**
     * Override texts of a language
     * @description Sets the named keys to their new texts; an empty text removes the override. All or nothing: an unknown key, a placeholder the text cannot fill or an unsupported language changes nothing. Answers the texts as stored. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A language code, e.g. `de`; see the list of languages. */
          language: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Keys to change, each with its new text; an empty text removes the override, so the default shows again. Keys not named stay as they are. */
            texts: {
              [key: string]: string;
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
            'application/json': {
              data: {
                /** @description A language of the rating page, the widget, the invite message and the thank-you page. */
                language:
                  'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar';
                /** @description The language in its own words, e.g. `Deutsch`. */
                name: string;
                /** @description The language in English, e.g. `German`. */
                english_name: string;
                /** @description The direction it is written in. */
                dir: 'ltr' | 'rtl';
                texts: {
                  key: string;
                  /** @description Where the text shows. */
                  group: 'rating_page' | 'thank_you_page' | 'closed_pages' | 'widget' | 'invite';
                  /** @description The text Plaudit says in this language when it isn't overridden. */
                  default: string;
                  /** @description The organization's text; null: the default. */
                  override: string | null;
                  /** @description The placeholders the text may use, such as `{brand}` (without braces). */
                  placeholders: string[];
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/survey-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the survey rules
     * @description Who is asked, and when: the rules closing a conversation and the widget popup follow. The defaults (off) until an admin saves some.
     */
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
            'application/json': {
              data: {
                /** @description Whether the rules are in force. On: closing a conversation offers an invite when every rule passes, and the widget's popup shows only then. Off (the default): closing offers nothing, and the popup shows as before. */
                enabled: boolean;
                /**
                 * @description The conversation's channel must be one of these; empty: every channel.
                 * @example [
                 *       "email",
                 *       "whatsapp"
                 *     ]
                 */
                channels: string[];
                /** @description The conversation's agent type must be one of these; empty: every agent type. */
                agent_types: ('human' | 'ai')[];
                /** @description At least this many messages from the contact (role `user`); 0: no minimum. */
                min_contact_messages: number;
                /** @description The share of conversations asked, chosen by a hash of the conversation's uid: the same conversation always gets the same answer. 100: every conversation. */
                sample_percent: number;
                /** @description Not when the same contact was offered a survey (of another conversation) within this many days; 0: no cooldown. */
                cooldown_days: number;
                /** @description One `rating.reminder_due` event this many hours after an invite that is still unanswered, before it expires; null: no reminder. Applies to invites offered after the change. */
                reminder_after_hours: number | null;
                /**
                 * Format: date-time
                 * @description When an admin last saved the rules; null: never (the defaults).
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    /**
     * Replace the survey rules
     * @description Send every field. All or nothing: a channel or agent type named twice, or a reminder at or after the invites' expiry, changes nothing. A change is recorded in the audit log. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Whether the rules are in force. On: closing a conversation offers an invite when every rule passes, and the widget's popup shows only then. Off (the default): closing offers nothing, and the popup shows as before. */
            enabled: boolean;
            /**
             * @description The conversation's channel must be one of these; empty: every channel.
             * @example [
             *       "email",
             *       "whatsapp"
             *     ]
             */
            channels: string[];
            /** @description The conversation's agent type must be one of these; empty: every agent type. */
            agent_types: ('human' | 'ai')[];
            /** @description At least this many messages from the contact (role `user`); 0: no minimum. */
            min_contact_messages: number;
            /** @description The share of conversations asked, chosen by a hash of the conversation's uid: the same conversation always gets the same answer. 100: every conversation. */
            sample_percent: number;
            /** @description Not when the same contact was offered a survey (of another conversation) within this many days; 0: no cooldown. */
            cooldown_days: number;
            /** @description One `rating.reminder_due` event this many hours after an invite that is still unanswered, before it expires; null: no reminder. Applies to invites offered after the change. */
            reminder_after_hours: number | null;
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
            'application/json': {
              data: {
                /** @description Whether the rules are in force. On: closing a conversation offers an invite when every rule passes, and the widget's popup shows only then. Off (the default): closing offers nothing, and the popup shows as before. */
                enabled: boolean;
                /**
                 * @description The conversation's channel must be one of these; empty: every channel.
                 * @example [
                 *       "email",
                 *       "whatsapp"
                 *     ]
                 */
                channels: string[];
                /** @description The conversation's agent type must be one of these; empty: every agent type. */
                agent_types: ('human' | 'ai')[];
                /** @description At least this many messages from the contact (role `user`); 0: no minimum. */
                min_contact_messages: number;
                /** @description The share of conversations asked, chosen by a hash of the conversation's uid: the same conversation always gets the same answer. 100: every conversation. */
                sample_percent: number;
                /** @description Not when the same contact was offered a survey (of another conversation) within this many days; 0: no cooldown. */
                cooldown_days: number;
                /** @description One `rating.reminder_due` event this many hours after an invite that is still unanswered, before it expires; null: no reminder. Applies to invites offered after the change. */
                reminder_after_hours: number | null;
                /**
                 * Format: date-time
                 * @description When an admin last saved the rules; null: never (the defaults).
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/rating-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get the rating settings */
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
            'application/json': {
              data: {
                /** @description Collect ratings at the end of conversations (the popup). */
                conv_rating_active: boolean;
                /** @description Show the popup; always equal to `conv_rating_active`. */
                conv_rating_popup_active: boolean;
                /** @description The popup questions, in order. */
                conv_rating_question_codes: string[];
                /** @description Template of the invite text; `{link}` stands for the link. Null: a default in the page language. */
                invite_message: string | null;
                /** @description What invites say while `invite_message` is null, in the page language (read-only): the organization's own `invite_message` text of that language (Settings → Texts) when it has one, else `invite_message_builtin`. */
                invite_message_default: string;
                /** @description Plaudit's own invite text in the page language (read-only). */
                invite_message_builtin: string;
                /** @description The public review page raters are sent to. */
                review_link: string | null;
                /** @description `high_ratings`: raters at or above `redirect_min_stars` are sent to the review link; `everyone`: every rater is offered the review link (what public review sites require); `off`: never. */
                redirect_policy: 'high_ratings' | 'everyone' | 'off';
                redirect_min_stars: number;
                invite_expiry_hours: number;
                language:
                  | ('en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar')
                  | null;
                /** @description Shown on the rating page; null: the organization's name. */
                brand_name: string | null;
                logo_url: string | null;
                primary_color: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the rating settings
     * @description Send any subset of the fields. The merged result is validated as a whole: `conv_rating_active` and `conv_rating_popup_active` must be equal and every question code known; otherwise nothing changes. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            conv_rating_active?: boolean;
            conv_rating_popup_active?: boolean;
            conv_rating_question_codes?: string[];
            invite_message?: string | null;
            /** Format: uri */
            review_link?: string | null;
            /** @description `high_ratings`: raters at or above `redirect_min_stars` are sent to the review link; `everyone`: every rater is offered the review link (what public review sites require); `off`: never. */
            redirect_policy?: 'high_ratings' | 'everyone' | 'off';
            redirect_min_stars?: number;
            invite_expiry_hours?: number;
            language?:
              ('en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar') | null;
            brand_name?: string | null;
            /** Format: uri */
            logo_url?: string | null;
            /** @description A CSS hex colour, e.g. `#0f766e`. */
            primary_color?: string | null;
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
            'application/json': {
              data: {
                /** @description Collect ratings at the end of conversations (the popup). */
                conv_rating_active: boolean;
                /** @description Show the popup; always equal to `conv_rating_active`. */
                conv_rating_popup_active: boolean;
                /** @description The popup questions, in order. */
                conv_rating_question_codes: string[];
                /** @description Template of the invite text; `{link}` stands for the link. Null: a default in the page language. */
                invite_message: string | null;
                /** @description What invites say while `invite_message` is null, in the page language (read-only): the organization's own `invite_message` text of that language (Settings → Texts) when it has one, else `invite_message_builtin`. */
                invite_message_default: string;
                /** @description Plaudit's own invite text in the page language (read-only). */
                invite_message_builtin: string;
                /** @description The public review page raters are sent to. */
                review_link: string | null;
                /** @description `high_ratings`: raters at or above `redirect_min_stars` are sent to the review link; `everyone`: every rater is offered the review link (what public review sites require); `off`: never. */
                redirect_policy: 'high_ratings' | 'everyone' | 'off';
                redirect_min_stars: number;
                invite_expiry_hours: number;
                language:
                  | ('en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar')
                  | null;
                /** @description Shown on the rating page; null: the organization's name. */
                brand_name: string | null;
                logo_url: string | null;
                primary_color: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/rating-settings/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview changed rating settings
     * @description Takes the same body as `PATCH /v1/rating-settings` and answers what it would make — the merged settings and the invite text with a sample link — without storing anything. Refused with the same errors as the PATCH.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            conv_rating_active?: boolean;
            conv_rating_popup_active?: boolean;
            conv_rating_question_codes?: string[];
            invite_message?: string | null;
            /** Format: uri */
            review_link?: string | null;
            /** @description `high_ratings`: raters at or above `redirect_min_stars` are sent to the review link; `everyone`: every rater is offered the review link (what public review sites require); `off`: never. */
            redirect_policy?: 'high_ratings' | 'everyone' | 'off';
            redirect_min_stars?: number;
            invite_expiry_hours?: number;
            language?:
              ('en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar') | null;
            brand_name?: string | null;
            /** Format: uri */
            logo_url?: string | null;
            /** @description A CSS hex colour, e.g. `#0f766e`. */
            primary_color?: string | null;
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
            'application/json': {
              data: {
                /** @description The invite message, with `{link}` replaced by `link`. */
                invite_text: string;
                /** @description A sample rating page link; no rating has it. */
                link: string;
                settings: {
                  /** @description Collect ratings at the end of conversations (the popup). */
                  conv_rating_active: boolean;
                  /** @description Show the popup; always equal to `conv_rating_active`. */
                  conv_rating_popup_active: boolean;
                  /** @description The popup questions, in order. */
                  conv_rating_question_codes: string[];
                  /** @description Template of the invite text; `{link}` stands for the link. Null: a default in the page language. */
                  invite_message: string | null;
                  /** @description What invites say while `invite_message` is null, in the page language (read-only): the organization's own `invite_message` text of that language (Settings → Texts) when it has one, else `invite_message_builtin`. */
                  invite_message_default: string;
                  /** @description Plaudit's own invite text in the page language (read-only). */
                  invite_message_builtin: string;
                  /** @description The public review page raters are sent to. */
                  review_link: string | null;
                  /** @description `high_ratings`: raters at or above `redirect_min_stars` are sent to the review link; `everyone`: every rater is offered the review link (what public review sites require); `off`: never. */
                  redirect_policy: 'high_ratings' | 'everyone' | 'off';
                  redirect_min_stars: number;
                  invite_expiry_hours: number;
                  language:
                    | ('en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar')
                    | null;
                  /** @description Shown on the rating page; null: the organization's name. */
                  brand_name: string | null;
                  logo_url: string | null;
                  primary_color: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string | null;
                };
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/questions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the questions
     * @description Every question a survey can ask: the built-in codes first (`built_in: true`, read-only), then the organization's own in their order. `include_archived=true` adds the archived ones.
     */
    get: {
      parameters: {
        query?: {
          include_archived?: boolean;
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
            'application/json': {
              data: {
                code: string;
                /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                /** @description A built-in code: read-only, its texts from the page language. */
                built_in: boolean;
                /** @description The current version; null for built-in codes. */
                version: number | null;
                /** @description Order among the organization's questions; null for built-ins. */
                position: number | null;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                archived_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a question
     * @description A question of the organization's own, at version 1, after its other questions. Labels are needed in at least one language; a text in a language the page is shown in falls back to the organization's default language, then English, then the first language it has. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description UPPER_SNAKE, 2-40 characters, unique; never a built-in code. */
            code: string;
            /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
            kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
            /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
            labels: {
              [key: string]: string;
            };
            /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
            help?: {
              [key: string]: string;
            } | null;
            /** @description Whether a survey counts as answered only once this is; default true. */
            required?: boolean;
            /** @description Choice only: 2 to 10. */
            options?:
              | {
                  /** @description UPPER_SNAKE, unique in its list. */
                  id: string;
                  /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
                  labels: {
                    [key: string]: string;
                  };
                }[]
              | null;
            /** @description Choice only: several options may be chosen. */
            multiple?: boolean;
            /** @description Asked after a low answer: reasons to choose and a comment prompt. */
            follow_up?: {
              /** @description At most 10 reasons to choose from. */
              reasons?: {
                /** @description UPPER_SNAKE, unique in its list. */
                id: string;
                /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
                labels: {
                  [key: string]: string;
                };
              }[];
              /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
              comment_prompt?: {
                [key: string]: string;
              };
            } | null;
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
            'application/json': {
              data: {
                code: string;
                /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                /** @description A built-in code: read-only, its texts from the page language. */
                built_in: boolean;
                /** @description The current version; null for built-in codes. */
                version: number | null;
                /** @description Order among the organization's questions; null for built-ins. */
                position: number | null;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                archived_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/questions/order': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Reorder the questions
     * @description Puts the named active questions first, in the order given; the organization's other active questions follow in the order they had. Built-in codes have no position. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The organization's active questions in their new order; those not named keep their order after them. */
            codes: string[];
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
            'application/json': {
              data: {
                code: string;
                /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                /** @description A built-in code: read-only, its texts from the page language. */
                built_in: boolean;
                /** @description The current version; null for built-in codes. */
                version: number | null;
                /** @description Order among the organization's questions; null for built-ins. */
                position: number | null;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                archived_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/questions/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a question
     * @description A built-in code, or one of the organization's questions (archived ones too), at its current version.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The question code, e.g. `EASE_OF_HELP` or a built-in `CSAT`. */
          code: string;
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
            'application/json': {
              data: {
                code: string;
                /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                /** @description A built-in code: read-only, its texts from the page language. */
                built_in: boolean;
                /** @description The current version; null for built-in codes. */
                version: number | null;
                /** @description Order among the organization's questions; null for built-ins. */
                position: number | null;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                archived_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Archive a question
     * @description It can no longer be offered; answers already given stay readable, with the version they were asked in. Refused with 409 `question_in_use` while the rating settings' `conv_rating_question_codes` list it. Archiving an archived question changes nothing; `POST /v1/questions/{code}/restore` brings it back. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The question code, e.g. `EASE_OF_HELP` or a built-in `CSAT`. */
          code: string;
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
            'application/json': {
              data: {
                code: string;
                /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                /** @description A built-in code: read-only, its texts from the page language. */
                built_in: boolean;
                /** @description The current version; null for built-in codes. */
                version: number | null;
                /** @description Order among the organization's questions; null for built-ins. */
                position: number | null;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                archived_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a question
     * @description Send any of the definition's fields; the merged definition is checked as a whole and, when it differs, stored as the next version. Answers already given keep the version they were asked in. The kind cannot change (409 `question_kind_change`); an archived question cannot change. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The question code, e.g. `EASE_OF_HELP` or a built-in `CSAT`. */
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Cannot change; sent, it must be the same. */
            kind?: string;
            /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
            labels?: {
              [key: string]: string;
            };
            /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
            help?: {
              [key: string]: string;
            } | null;
            /** @description Whether a survey counts as answered only once this is; default true. */
            required?: boolean;
            /** @description Choice only: 2 to 10. */
            options?:
              | {
                  /** @description UPPER_SNAKE, unique in its list. */
                  id: string;
                  /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
                  labels: {
                    [key: string]: string;
                  };
                }[]
              | null;
            /** @description Choice only: several options may be chosen. */
            multiple?: boolean;
            /** @description Asked after a low answer: reasons to choose and a comment prompt. */
            follow_up?: {
              /** @description At most 10 reasons to choose from. */
              reasons?: {
                /** @description UPPER_SNAKE, unique in its list. */
                id: string;
                /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
                labels: {
                  [key: string]: string;
                };
              }[];
              /** @description Text per language, e.g. `{"en": "Price", "de": "Preis"}`. */
              comment_prompt?: {
                [key: string]: string;
              };
            } | null;
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
            'application/json': {
              data: {
                code: string;
                /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                /** @description A built-in code: read-only, its texts from the page language. */
                built_in: boolean;
                /** @description The current version; null for built-in codes. */
                version: number | null;
                /** @description Order among the organization's questions; null for built-ins. */
                position: number | null;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                archived_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/questions/{code}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore an archived question
     * @description Surveys can ask it again, in its current version; it joins the end of the active questions. Restoring an active question changes nothing. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The question code, e.g. `EASE_OF_HELP` or a built-in `CSAT`. */
          code: string;
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
            'application/json': {
              data: {
                code: string;
                /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                /** @description A built-in code: read-only, its texts from the page language. */
                built_in: boolean;
                /** @description The current version; null for built-in codes. */
                version: number | null;
                /** @description Order among the organization's questions; null for built-ins. */
                position: number | null;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                archived_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/questions/{code}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a question's versions
     * @description Every version, oldest first, with what it asked. Built-in codes have none.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The question code, e.g. `EASE_OF_HELP` or a built-in `CSAT`. */
          code: string;
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
            'application/json': {
              data: {
                version: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /** @description Text per language. */
                labels: {
                  [key: string]: string;
                };
                /** @description Text per language. */
                help: {
                  [key: string]: string;
                };
                required: boolean;
                options: {
                  id: string;
                  /** @description Text per language. */
                  labels: {
                    [key: string]: string;
                  };
                }[];
                multiple: boolean;
                follow_up: {
                  reasons: {
                    id: string;
                    /** @description Text per language. */
                    labels: {
                      [key: string]: string;
                    };
                  }[];
                  /** @description Text per language. */
                  comment_prompt: {
                    [key: string]: string;
                  };
                } | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations/{id}/survey-eligibility': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Say whether the survey rules survey a conversation
     * @description Yes or no, and why: each rule of `GET /v1/survey-rules` judged on the conversation as it is now, with a sentence. The sampling rule hashes the conversation's uid, so the answer stays the same while the conversation does.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                /** @description Whether closing the conversation now offers an invite. */
                eligible: boolean;
                /** @description Every rule, in a fixed order, passed or not. */
                reasons: {
                  /** @description The rule judged. */
                  rule:
                    | 'enabled'
                    | 'ratings_active'
                    | 'channel'
                    | 'agent_type'
                    | 'contact_messages'
                    | 'sampling'
                    | 'cooldown';
                  passed: boolean;
                  /** @description What was checked, against what, in one sentence. */
                  detail: string;
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations/{id}/rating-invites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite the contact to rate the conversation
     * @description Answers the invite text (the settings' template with `{link}` replaced) and the link of the public rating page. While an unexpired, unanswered invite exists for the conversation, that one is answered with 200; a new one with 201.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                /** @description The message to send the contact; the link is in it when the template has `{link}`. */
                text: string;
                link: string;
                rating: {
                  id: number;
                  /** Format: uuid */
                  uid: string;
                  /** @description The secret code of the public rating page. */
                  code: string;
                  /** @description The public rating page: PUBLIC_URL/r/{code}. */
                  link: string;
                  conversation_id: number;
                  /** Format: uuid */
                  conversation_uid: string;
                  channel: string | null;
                  source: 'invite' | 'offer' | 'api' | 'popup';
                  /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                  status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                  /** Format: uuid */
                  contact_id: string;
                  /** Format: uuid */
                  agent_id: string | null;
                  agent_type: string | null;
                  language: string | null;
                  comment: string | null;
                  questions: {
                    /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                    code: string;
                    /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                    kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                    status: 'Offered' | 'Rated' | 'Cancelled';
                    /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                    required: boolean;
                    /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                    value: number | null;
                    comment: string | null;
                    /** @description The version of the organization's question it was asked in; null for built-ins. */
                    version: number | null;
                    /** @description Choice questions: the option ids chosen. */
                    choices: string[] | null;
                    /** @description The follow-up reasons chosen after a low answer. */
                    reasons: string[] | null;
                    /** @description Text questions: the answer. */
                    text: string | null;
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    offered_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    answered_at: string | null;
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    updated_at: string;
                  }[];
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  expires_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  created_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  opened_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  submitted_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  cancelled_at: string | null;
                };
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description The message to send the contact; the link is in it when the template has `{link}`. */
                text: string;
                link: string;
                rating: {
                  id: number;
                  /** Format: uuid */
                  uid: string;
                  /** @description The secret code of the public rating page. */
                  code: string;
                  /** @description The public rating page: PUBLIC_URL/r/{code}. */
                  link: string;
                  conversation_id: number;
                  /** Format: uuid */
                  conversation_uid: string;
                  channel: string | null;
                  source: 'invite' | 'offer' | 'api' | 'popup';
                  /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                  status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                  /** Format: uuid */
                  contact_id: string;
                  /** Format: uuid */
                  agent_id: string | null;
                  agent_type: string | null;
                  language: string | null;
                  comment: string | null;
                  questions: {
                    /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                    code: string;
                    /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                    kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                    status: 'Offered' | 'Rated' | 'Cancelled';
                    /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                    required: boolean;
                    /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                    value: number | null;
                    comment: string | null;
                    /** @description The version of the organization's question it was asked in; null for built-ins. */
                    version: number | null;
                    /** @description Choice questions: the option ids chosen. */
                    choices: string[] | null;
                    /** @description The follow-up reasons chosen after a low answer. */
                    reasons: string[] | null;
                    /** @description Text questions: the answer. */
                    text: string | null;
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    offered_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    answered_at: string | null;
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    updated_at: string;
                  }[];
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  expires_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  created_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  opened_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  submitted_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  cancelled_at: string | null;
                };
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations/{id}/ratings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the ratings of a conversation
     * @description Oldest first.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                /** @description The secret code of the public rating page. */
                code: string;
                /** @description The public rating page: PUBLIC_URL/r/{code}. */
                link: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                channel: string | null;
                source: 'invite' | 'offer' | 'api' | 'popup';
                /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                /** Format: uuid */
                contact_id: string;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                language: string | null;
                comment: string | null;
                questions: {
                  /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                  code: string;
                  /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                  status: 'Offered' | 'Rated' | 'Cancelled';
                  /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                  required: boolean;
                  /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                  value: number | null;
                  comment: string | null;
                  /** @description The version of the organization's question it was asked in; null for built-ins. */
                  version: number | null;
                  /** @description Choice questions: the option ids chosen. */
                  choices: string[] | null;
                  /** @description The follow-up reasons chosen after a low answer. */
                  reasons: string[] | null;
                  /** @description Text questions: the answer. */
                  text: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  answered_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                offered_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                opened_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                submitted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                cancelled_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /**
     * Offer a survey
     * @description Offers a new survey of the conversation with the given questions, in order. Every question is required unless named in `optional_codes`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The questions, in order; each is required unless named in `optional_codes`. */
            question_codes: string[];
            /** @description Questions of `question_codes` the contact may skip: the survey counts as answered once every other question is (with none required, once any is). */
            optional_codes?: string[];
            /** Format: uuid */
            contact_id?: string;
            /** Format: uuid */
            agent_id?: string;
            /** @description A language of the rating page, the widget, the invite message and the thank-you page. */
            language?: 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar';
            expires_in_hours?: number;
            /**
             * Format: date-time
             * @example 2026-03-11T16:39:30.000Z
             */
            offered_at?: string;
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                /** @description The secret code of the public rating page. */
                code: string;
                /** @description The public rating page: PUBLIC_URL/r/{code}. */
                link: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                channel: string | null;
                source: 'invite' | 'offer' | 'api' | 'popup';
                /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                /** Format: uuid */
                contact_id: string;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                language: string | null;
                comment: string | null;
                questions: {
                  /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                  code: string;
                  /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                  status: 'Offered' | 'Rated' | 'Cancelled';
                  /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                  required: boolean;
                  /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                  value: number | null;
                  comment: string | null;
                  /** @description The version of the organization's question it was asked in; null for built-ins. */
                  version: number | null;
                  /** @description Choice questions: the option ids chosen. */
                  choices: string[] | null;
                  /** @description The follow-up reasons chosen after a low answer. */
                  reasons: string[] | null;
                  /** @description Text questions: the answer. */
                  text: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  answered_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                offered_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                opened_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                submitted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                cancelled_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/ratings/{id}/answers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Answer questions of a survey
     * @description Records answers by question code; an answered question may be answered again until the survey expires. Stars/CSAT take 1-5, NPS 0-10, thumbs 1 (up) or 0 (down).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            answers: {
              /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
              code: string;
              value?: number | null;
              /** @description Choice: option ids chosen. */
              choices?: string[];
              /** @description Text: the answer. */
              text?: string;
              /** @description After a low answer: ids of the question's follow-up reasons. */
              reasons?: string[];
              /** @description After a low answer: the follow-up comment. */
              comment?: string | null;
            }[];
            comment?: string | null;
            /**
             * Format: date-time
             * @example 2026-03-11T16:39:30.000Z
             */
            submitted_at?: string;
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                /** @description The secret code of the public rating page. */
                code: string;
                /** @description The public rating page: PUBLIC_URL/r/{code}. */
                link: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                channel: string | null;
                source: 'invite' | 'offer' | 'api' | 'popup';
                /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                /** Format: uuid */
                contact_id: string;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                language: string | null;
                comment: string | null;
                questions: {
                  /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                  code: string;
                  /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                  status: 'Offered' | 'Rated' | 'Cancelled';
                  /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                  required: boolean;
                  /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                  value: number | null;
                  comment: string | null;
                  /** @description The version of the organization's question it was asked in; null for built-ins. */
                  version: number | null;
                  /** @description Choice questions: the option ids chosen. */
                  choices: string[] | null;
                  /** @description The follow-up reasons chosen after a low answer. */
                  reasons: string[] | null;
                  /** @description Text questions: the answer. */
                  text: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  answered_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                offered_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                opened_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                submitted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                cancelled_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/ratings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a survey
     * @description Withdraws the questions still waiting for an answer (optional ones included): they become `Cancelled` and count as cancelled in the funnel. Answered questions keep their values and keep counting; the survey takes no more answers. A survey with answers stays `rated`, with `cancelled_at`; one without becomes `cancelled`. A survey with nothing left to withdraw answers 409 `rating_already_answered`; an expired one stays as it expired (410 `rating_expired`). Cancelling a cancelled survey again answers it as it is (200), changing nothing.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                /** @description The secret code of the public rating page. */
                code: string;
                /** @description The public rating page: PUBLIC_URL/r/{code}. */
                link: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                channel: string | null;
                source: 'invite' | 'offer' | 'api' | 'popup';
                /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                /** Format: uuid */
                contact_id: string;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                language: string | null;
                comment: string | null;
                questions: {
                  /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                  code: string;
                  /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                  status: 'Offered' | 'Rated' | 'Cancelled';
                  /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                  required: boolean;
                  /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                  value: number | null;
                  comment: string | null;
                  /** @description The version of the organization's question it was asked in; null for built-ins. */
                  version: number | null;
                  /** @description Choice questions: the option ids chosen. */
                  choices: string[] | null;
                  /** @description The follow-up reasons chosen after a low answer. */
                  reasons: string[] | null;
                  /** @description Text questions: the answer. */
                  text: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  answered_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                offered_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                opened_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                submitted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                cancelled_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/ratings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List ratings
     * @description Newest first. `question_code`, `kind`, `score_min` and `score_max` select surveys with a question that matches all of them; `created_to` is exclusive. `question_code` is a built-in code or one of the organization's own questions (archived ones too), else `unknown_question_code`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
          status?: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          kind?: 'stars' | 'nps' | 'thumbs';
          score_min?: number;
          score_max?: number;
          agent_id?: string;
          has_comment?: boolean;
          /** @example 2026-03-11T16:39:30.000Z */
          created_from?: string;
          /** @example 2026-03-11T16:39:30.000Z */
          created_to?: string;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                /** @description The secret code of the public rating page. */
                code: string;
                /** @description The public rating page: PUBLIC_URL/r/{code}. */
                link: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                channel: string | null;
                source: 'invite' | 'offer' | 'api' | 'popup';
                /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                /** Format: uuid */
                contact_id: string;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                language: string | null;
                comment: string | null;
                questions: {
                  /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                  code: string;
                  /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                  status: 'Offered' | 'Rated' | 'Cancelled';
                  /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                  required: boolean;
                  /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                  value: number | null;
                  comment: string | null;
                  /** @description The version of the organization's question it was asked in; null for built-ins. */
                  version: number | null;
                  /** @description Choice questions: the option ids chosen. */
                  choices: string[] | null;
                  /** @description The follow-up reasons chosen after a low answer. */
                  reasons: string[] | null;
                  /** @description Text questions: the answer. */
                  text: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  answered_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                offered_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                opened_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                submitted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                cancelled_at: string | null;
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/ratings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a rating */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                /** @description The secret code of the public rating page. */
                code: string;
                /** @description The public rating page: PUBLIC_URL/r/{code}. */
                link: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                channel: string | null;
                source: 'invite' | 'offer' | 'api' | 'popup';
                /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                /** Format: uuid */
                contact_id: string;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                language: string | null;
                comment: string | null;
                questions: {
                  /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                  code: string;
                  /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                  status: 'Offered' | 'Rated' | 'Cancelled';
                  /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                  required: boolean;
                  /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                  value: number | null;
                  comment: string | null;
                  /** @description The version of the organization's question it was asked in; null for built-ins. */
                  version: number | null;
                  /** @description Choice questions: the option ids chosen. */
                  choices: string[] | null;
                  /** @description The follow-up reasons chosen after a low answer. */
                  reasons: string[] | null;
                  /** @description Text questions: the answer. */
                  text: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  answered_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                offered_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                opened_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                submitted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                cancelled_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/ratings/{id}/deliverables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a ready-to-send message of a survey
     * @description The survey's first question as a message for `channel`, in the rating's language with the organization's brand and texts. `email`: a subject, an HTML and a plain-text body, each answer its own link (`/r/{code}?answer=4`) that opens the rating page and records the answer there. `sms`: a short text with the link, its length and encoding. `whatsapp`: the Cloud API interactive message (reply buttons for up to 3 answers, a list for 4 to 10, a button opening the page for NPS and questions without choices). A cancelled survey answers 409, an expired one 410.
     */
    get: {
      parameters: {
        query: {
          /** @description The channel the message is for. */
          channel: 'email' | 'sms' | 'whatsapp';
        };
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                /** @description The channel the message is for. */
                channel: 'email' | 'sms' | 'whatsapp';
                rating_id: number;
                /** Format: uuid */
                rating_uid: string;
                /** @description The rating's language: the conversation's, else the organization's default. */
                language: string;
                /** @description The rating page, no answer chosen. */
                link: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                question: {
                  code: string;
                  kind: string;
                  /** @description The question as the contact reads it. */
                  text: string;
                  /** @description Empty for a question answered only on the page. */
                  choices: {
                    /** @description The answer: `4` (stars), `1`/`0` (thumbs up/down), `7` (NPS). */
                    value: string;
                    label: string;
                    /** @description A longer label, when there is one ("4 stars – good"). */
                    description: string | null;
                    /** @description The rating page with this answer chosen: PUBLIC_URL/r/{code}?answer={value}. */
                    link: string;
                    /** @description The WhatsApp reply id of this answer: `{question code}:{value}`. */
                    reply_id: string;
                  }[];
                };
                email?: {
                  subject: string;
                  /** @description A complete HTML document with inline styles; every value escaped. */
                  html: string;
                  /** @description The plain-text alternative, one line per answer link. */
                  text: string;
                };
                sms?: {
                  text: string;
                  encoding: 'gsm7' | 'ucs2';
                  /** @description Septets in GSM 7-bit (extension characters count 2), UTF-16 units in UCS-2. */
                  length: number;
                  /** @description What one SMS of this encoding holds: 160 or 70. */
                  single_limit: number;
                  /** @description The messages the text is sent as. */
                  segments: number;
                };
                whatsapp?: {
                  form: 'buttons' | 'list' | 'link';
                  /** @description The body of a WhatsApp Cloud API `POST /<PHONE_NUMBER_ID>/messages` request without `to`: `type: interactive` with `interactive.type` `button` (up to 3 reply buttons), `list` (up to 10 rows) or `cta_url` (a button opening the rating page). */
                  message: {
                    [key: string]: unknown;
                  };
                  replies: {
                    reply_id: string;
                    value: string;
                    title: string;
                  }[];
                };
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/ratings/{id}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a WhatsApp reply
     * @description Records the reply button or list row the contact chose (`reply_id` from the WhatsApp webhook, e.g. `STARS:4`) as the answer to that question, through the same answer path as `POST /v1/ratings/{id}/answers`. The same reply again (a redelivered webhook) answers 200 with `recorded: false` and changes nothing; another reply to an answered question answers 409 `question_already_answered`; a reply the rating did not offer 400 `unknown_reply`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The id of the button or row the contact chose, from WhatsApp's webhook (`STARS:4`). */
            reply_id: string;
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                /** @description The secret code of the public rating page. */
                code: string;
                /** @description The public rating page: PUBLIC_URL/r/{code}. */
                link: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                channel: string | null;
                source: 'invite' | 'offer' | 'api' | 'popup';
                /** @description `offered`: no answer yet. `partially_rated`: answered, but a required question still waits. `rated`: every required question answered (optional ones may wait); a cancelled survey with answers stays `rated`, with `cancelled_at`. `cancelled`: withdrawn before any answer. `expired`: passed `expires_at` while still `offered` or `partially_rated`. */
                status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                /** Format: uuid */
                contact_id: string;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                language: string | null;
                comment: string | null;
                questions: {
                  /** @description A built-in code (HELPFUL_THUMBS and EXPERIENCE_THUMBS: thumbs; CSAT and STARS: 1-5; NPS: 0-10) or one of the organization's own active questions (`GET /v1/questions`). */
                  code: string;
                  /** @description `stars` and `csat` 1-5, `nps` 0-10, `ces` 1-7, `thumbs` 1 (up) or 0 (down), `choice` one or several of its options, `text` free text. */
                  kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs' | 'choice' | 'text';
                  status: 'Offered' | 'Rated' | 'Cancelled';
                  /** @description Whether the survey is answered only once this question is. A required question still `Offered` makes the survey `partially_rated`; optional ones never do. */
                  required: boolean;
                  /** @description Stars/CSAT 1-5, NPS 0-10, CES 1-7, thumbs 1 (up) or 0 (down); null for choice/text. */
                  value: number | null;
                  comment: string | null;
                  /** @description The version of the organization's question it was asked in; null for built-ins. */
                  version: number | null;
                  /** @description Choice questions: the option ids chosen. */
                  choices: string[] | null;
                  /** @description The follow-up reasons chosen after a low answer. */
                  reasons: string[] | null;
                  /** @description Text questions: the answer. */
                  text: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  answered_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  updated_at: string;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                offered_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                opened_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                submitted_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                cancelled_at: string | null;
              };
              /** @description False when the same reply was recorded before. */
              recorded: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/messages/{uid}/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Like, dislike or comment on a message
     * @description Appends a record for the caller (the user the key was issued to). An omitted field keeps its current value, `null` clears it; both null or both omitted is a no-op answered 204. See docs for the whole matrix.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          uid: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rating?: ('like' | 'dislike') | null;
            comment?: string | null;
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
            'application/json': {
              data: {
                /** Format: uuid */
                uid: string;
                /** Format: uuid */
                message_uid: string;
                /** Format: uuid */
                user_id: string;
                rating: ('like' | 'dislike') | null;
                comment: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
              };
            };
          };
        };
        /** @description A no-op: nothing was stored. */
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/messages/{uid}/feedback/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The feedback log of a message
     * @description Every record on the message, every author, oldest first.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          uid: string;
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
            'application/json': {
              data: {
                /** Format: uuid */
                uid: string;
                /** Format: uuid */
                user_id: string;
                /** @description The author's name: a user's (the name of the agent they are, else their own, else their email), or the contact's when the contact gave it. */
                author_name: string | null;
                rating: ('like' | 'dislike') | null;
                comment: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recent feedback across the organization
     * @description Every record, newest first, with its message and conversation. `created_to` is exclusive.
     */
    get: {
      parameters: {
        query?: {
          rating?: 'like' | 'dislike' | 'none';
          has_comment?: boolean;
          agent_type?: 'human' | 'ai';
          /** @example 2026-03-11T16:39:30.000Z */
          created_from?: string;
          /** @example 2026-03-11T16:39:30.000Z */
          created_to?: string;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                /** Format: uuid */
                uid: string;
                /** Format: uuid */
                message_uid: string;
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
                /** Format: uuid */
                user_id: string;
                /** @description The author's name: a user's (the name of the agent they are, else their own, else their email), or the contact's when the contact gave it. */
                author_name: string | null;
                rating: ('like' | 'dislike') | null;
                comment: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                message: {
                  role: string;
                  text: string | null;
                };
                /** Format: uuid */
                agent_id: string | null;
                agent_type: string | null;
                /** @description The conversation's agent's name; null if unnamed. */
                agent_name: string | null;
                channel: string | null;
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/exports/conversations.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export conversations with their latest rating and feedback totals (CSV)
     * @description One row per conversation, oldest first: the conversation, its latest rating (the newest survey: `stars` is its STARS or CSAT answer, `nps` its NPS answer, the thumbs questions `up` or `down`) and the totals of every author's current message feedback (`likes`, `dislikes`, `comments`). Every filter selects conversations as `GET /v1/inbox` does, in either scope (`from`/`to` by `created_at`; agent and channel the conversation's), so the file holds exactly the conversations the inbox lists; `question_code` keeps conversations whose latest rating asked that question. Days are counted in `tz`; without filters everything is exported. CSV (RFC 4180, UTF-8, CRLF) with a header row. Text that a spreadsheet would run as a formula (beginning with `=`, `+`, `-`, `@`, tab or CR) is written with a leading `'`. Streamed as it is read. Columns: `conversation_id`, `conversation_uid`, `external_id`, `channel`, `status`, `contact_name`, `agent_id`, `agent_type`, `agent_name`, `language`, `created_at`, `closed_at`, `rating_uid`, `rating_status`, `stars`, `nps`, `helpful_thumbs`, `experience_thumbs`, `rating_comment`, `rating_offered_at`, `rating_opened_at`, `rating_submitted_at`, `likes`, `dislikes`, `comments`, `tags`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `records` (the default): `from`/`to`, `agent_id`, `agent_type` and `channel` select each row by its own time and agent, as analytics counts it. `conversations`: they select conversations exactly as `GET /v1/inbox` does (the inbox's export menu sends this), and each export holds those conversations' rows. */
          scope?: 'records' | 'conversations';
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Search the contact (name, email, external id), the messages, the ratings’ comments and the current message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most 8) must be found in the conversation, each in one of its texts. A whole number also finds the conversation with that id, a UUID the one with that uid. */
          q?: string;
          /** @description true: some rating of the conversation has an answer; false: none has. */
          rated?: boolean;
          /** @description true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no answer is. */
          low_rating?: boolean;
          /** @description true: a rating or some message feedback carries a comment; false: none does. */
          has_comment?: boolean;
          status?: 'open' | 'closed';
          /**
           * @description Only conversations with a rating answer given on this day or later, in `tz`.
           * @example 2026-11-01
           */
          answered_from?: string;
          /**
           * @description Only conversations with a rating answer given on this day or earlier, in `tz`.
           * @example 2026-11-01
           */
          answered_to?: string;
          /** @description Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions. */
          answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
          /** @description Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`. */
          answered_question?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or later.
           * @example 2026-11-01
           */
          feedback_from?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or earlier.
           * @example 2026-11-01
           */
          feedback_to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A file download: `Content-Disposition: attachment; filename="plaudit-conversations-YYYY-MM-DD.csv"`. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/exports/conversations.jsonl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export conversations with their latest rating and feedback totals (JSONL)
     * @description One row per conversation, oldest first: the conversation, its latest rating (the newest survey: `stars` is its STARS or CSAT answer, `nps` its NPS answer, the thumbs questions `up` or `down`) and the totals of every author's current message feedback (`likes`, `dislikes`, `comments`). Every filter selects conversations as `GET /v1/inbox` does, in either scope (`from`/`to` by `created_at`; agent and channel the conversation's), so the file holds exactly the conversations the inbox lists; `question_code` keeps conversations whose latest rating asked that question. Days are counted in `tz`; without filters everything is exported. JSON Lines: one object per row and line, with the same keys as the CSV header, numbers as numbers. Streamed as it is read. Columns: `conversation_id`, `conversation_uid`, `external_id`, `channel`, `status`, `contact_name`, `agent_id`, `agent_type`, `agent_name`, `language`, `created_at`, `closed_at`, `rating_uid`, `rating_status`, `stars`, `nps`, `helpful_thumbs`, `experience_thumbs`, `rating_comment`, `rating_offered_at`, `rating_opened_at`, `rating_submitted_at`, `likes`, `dislikes`, `comments`, `tags`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `records` (the default): `from`/`to`, `agent_id`, `agent_type` and `channel` select each row by its own time and agent, as analytics counts it. `conversations`: they select conversations exactly as `GET /v1/inbox` does (the inbox's export menu sends this), and each export holds those conversations' rows. */
          scope?: 'records' | 'conversations';
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Search the contact (name, email, external id), the messages, the ratings’ comments and the current message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most 8) must be found in the conversation, each in one of its texts. A whole number also finds the conversation with that id, a UUID the one with that uid. */
          q?: string;
          /** @description true: some rating of the conversation has an answer; false: none has. */
          rated?: boolean;
          /** @description true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no answer is. */
          low_rating?: boolean;
          /** @description true: a rating or some message feedback carries a comment; false: none does. */
          has_comment?: boolean;
          status?: 'open' | 'closed';
          /**
           * @description Only conversations with a rating answer given on this day or later, in `tz`.
           * @example 2026-11-01
           */
          answered_from?: string;
          /**
           * @description Only conversations with a rating answer given on this day or earlier, in `tz`.
           * @example 2026-11-01
           */
          answered_to?: string;
          /** @description Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions. */
          answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
          /** @description Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`. */
          answered_question?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or later.
           * @example 2026-11-01
           */
          feedback_from?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or earlier.
           * @example 2026-11-01
           */
          feedback_to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A file download: `Content-Disposition: attachment; filename="plaudit-conversations-YYYY-MM-DD.jsonl"`. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-ndjson': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/exports/ratings.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export rating questions (CSV)
     * @description One row per question of every rating, in the order they were offered: `status` is the question’s (`Offered`, `Rated`, `Cancelled`), `rating_status` the survey’s (with `expired`), `value` stars/CSAT 1-5, NPS 0-10, thumbs 1 (up) or 0 (down). `scope=conversations`: the questions of every rating of the conversations the inbox's filters keep. By default: `from`/`to` select questions by `offered_at`, `agent_id` and `agent_type` are the rating's agent, `channel` the conversation's, and `q`, `rated`, `low_rating`, `has_comment`, `status` keep the ratings of the conversations they keep in the inbox. `question_code` keeps that question. Days are counted in `tz`; without filters everything is exported. CSV (RFC 4180, UTF-8, CRLF) with a header row. Text that a spreadsheet would run as a formula (beginning with `=`, `+`, `-`, `@`, tab or CR) is written with a leading `'`. Streamed as it is read. Columns: `rating_uid`, `conversation_id`, `conversation_uid`, `channel`, `contact_name`, `agent_id`, `agent_type`, `agent_name`, `question_code`, `kind`, `status`, `value`, `comment`, `offered_at`, `answered_at`, `expires_at`, `source`, `rating_status`, `required`, `rating_cancelled_at`, `question_version`, `choices`, `choice_labels`, `reasons`, `reason_labels`, `answer_text`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `records` (the default): `from`/`to`, `agent_id`, `agent_type` and `channel` select each row by its own time and agent, as analytics counts it. `conversations`: they select conversations exactly as `GET /v1/inbox` does (the inbox's export menu sends this), and each export holds those conversations' rows. */
          scope?: 'records' | 'conversations';
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Search the contact (name, email, external id), the messages, the ratings’ comments and the current message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most 8) must be found in the conversation, each in one of its texts. A whole number also finds the conversation with that id, a UUID the one with that uid. */
          q?: string;
          /** @description true: some rating of the conversation has an answer; false: none has. */
          rated?: boolean;
          /** @description true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no answer is. */
          low_rating?: boolean;
          /** @description true: a rating or some message feedback carries a comment; false: none does. */
          has_comment?: boolean;
          status?: 'open' | 'closed';
          /**
           * @description Only conversations with a rating answer given on this day or later, in `tz`.
           * @example 2026-11-01
           */
          answered_from?: string;
          /**
           * @description Only conversations with a rating answer given on this day or earlier, in `tz`.
           * @example 2026-11-01
           */
          answered_to?: string;
          /** @description Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions. */
          answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
          /** @description Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`. */
          answered_question?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or later.
           * @example 2026-11-01
           */
          feedback_from?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or earlier.
           * @example 2026-11-01
           */
          feedback_to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A file download: `Content-Disposition: attachment; filename="plaudit-ratings-YYYY-MM-DD.csv"`. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/exports/ratings.jsonl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export rating questions (JSONL)
     * @description One row per question of every rating, in the order they were offered: `status` is the question’s (`Offered`, `Rated`, `Cancelled`), `rating_status` the survey’s (with `expired`), `value` stars/CSAT 1-5, NPS 0-10, thumbs 1 (up) or 0 (down). `scope=conversations`: the questions of every rating of the conversations the inbox's filters keep. By default: `from`/`to` select questions by `offered_at`, `agent_id` and `agent_type` are the rating's agent, `channel` the conversation's, and `q`, `rated`, `low_rating`, `has_comment`, `status` keep the ratings of the conversations they keep in the inbox. `question_code` keeps that question. Days are counted in `tz`; without filters everything is exported. JSON Lines: one object per row and line, with the same keys as the CSV header, numbers as numbers. Streamed as it is read. Columns: `rating_uid`, `conversation_id`, `conversation_uid`, `channel`, `contact_name`, `agent_id`, `agent_type`, `agent_name`, `question_code`, `kind`, `status`, `value`, `comment`, `offered_at`, `answered_at`, `expires_at`, `source`, `rating_status`, `required`, `rating_cancelled_at`, `question_version`, `choices`, `choice_labels`, `reasons`, `reason_labels`, `answer_text`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `records` (the default): `from`/`to`, `agent_id`, `agent_type` and `channel` select each row by its own time and agent, as analytics counts it. `conversations`: they select conversations exactly as `GET /v1/inbox` does (the inbox's export menu sends this), and each export holds those conversations' rows. */
          scope?: 'records' | 'conversations';
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Search the contact (name, email, external id), the messages, the ratings’ comments and the current message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most 8) must be found in the conversation, each in one of its texts. A whole number also finds the conversation with that id, a UUID the one with that uid. */
          q?: string;
          /** @description true: some rating of the conversation has an answer; false: none has. */
          rated?: boolean;
          /** @description true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no answer is. */
          low_rating?: boolean;
          /** @description true: a rating or some message feedback carries a comment; false: none does. */
          has_comment?: boolean;
          status?: 'open' | 'closed';
          /**
           * @description Only conversations with a rating answer given on this day or later, in `tz`.
           * @example 2026-11-01
           */
          answered_from?: string;
          /**
           * @description Only conversations with a rating answer given on this day or earlier, in `tz`.
           * @example 2026-11-01
           */
          answered_to?: string;
          /** @description Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions. */
          answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
          /** @description Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`. */
          answered_question?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or later.
           * @example 2026-11-01
           */
          feedback_from?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or earlier.
           * @example 2026-11-01
           */
          feedback_to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A file download: `Content-Disposition: attachment; filename="plaudit-ratings-YYYY-MM-DD.jsonl"`. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-ndjson': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/exports/feedback.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export the message-feedback log (CSV)
     * @description One row per record of the append-only feedback log, oldest first (every change of every author, not only the current state). The agent is the message’s author, else the conversation’s agent. `scope=conversations`: every record on the messages of the conversations the inbox's filters keep. By default: `from`/`to` select records by `created_at`, `agent_id` and `agent_type` as above, and `q`, `rated`, `low_rating`, `has_comment`, `status` keep the records of the conversations they keep in the inbox. `question_code` does not apply to message feedback and is ignored. Days are counted in `tz`; without filters everything is exported. CSV (RFC 4180, UTF-8, CRLF) with a header row. Text that a spreadsheet would run as a formula (beginning with `=`, `+`, `-`, `@`, tab or CR) is written with a leading `'`. Streamed as it is read. Columns: `uid`, `message_uid`, `message_role`, `conversation_id`, `conversation_uid`, `channel`, `contact_name`, `agent_id`, `agent_type`, `agent_name`, `user_id`, `author_name`, `rating`, `comment`, `created_at`, `model`, `prompt_version`, `trace_id`, `span_id`, `tags`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `records` (the default): `from`/`to`, `agent_id`, `agent_type` and `channel` select each row by its own time and agent, as analytics counts it. `conversations`: they select conversations exactly as `GET /v1/inbox` does (the inbox's export menu sends this), and each export holds those conversations' rows. */
          scope?: 'records' | 'conversations';
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Search the contact (name, email, external id), the messages, the ratings’ comments and the current message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most 8) must be found in the conversation, each in one of its texts. A whole number also finds the conversation with that id, a UUID the one with that uid. */
          q?: string;
          /** @description true: some rating of the conversation has an answer; false: none has. */
          rated?: boolean;
          /** @description true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no answer is. */
          low_rating?: boolean;
          /** @description true: a rating or some message feedback carries a comment; false: none does. */
          has_comment?: boolean;
          status?: 'open' | 'closed';
          /**
           * @description Only conversations with a rating answer given on this day or later, in `tz`.
           * @example 2026-11-01
           */
          answered_from?: string;
          /**
           * @description Only conversations with a rating answer given on this day or earlier, in `tz`.
           * @example 2026-11-01
           */
          answered_to?: string;
          /** @description Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions. */
          answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
          /** @description Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`. */
          answered_question?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or later.
           * @example 2026-11-01
           */
          feedback_from?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or earlier.
           * @example 2026-11-01
           */
          feedback_to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A file download: `Content-Disposition: attachment; filename="plaudit-feedback-YYYY-MM-DD.csv"`. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/exports/feedback.jsonl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export the message-feedback log (JSONL)
     * @description One row per record of the append-only feedback log, oldest first (every change of every author, not only the current state). The agent is the message’s author, else the conversation’s agent. `scope=conversations`: every record on the messages of the conversations the inbox's filters keep. By default: `from`/`to` select records by `created_at`, `agent_id` and `agent_type` as above, and `q`, `rated`, `low_rating`, `has_comment`, `status` keep the records of the conversations they keep in the inbox. `question_code` does not apply to message feedback and is ignored. Days are counted in `tz`; without filters everything is exported. JSON Lines: one object per row and line, with the same keys as the CSV header, numbers as numbers. Streamed as it is read. Columns: `uid`, `message_uid`, `message_role`, `conversation_id`, `conversation_uid`, `channel`, `contact_name`, `agent_id`, `agent_type`, `agent_name`, `user_id`, `author_name`, `rating`, `comment`, `created_at`, `model`, `prompt_version`, `trace_id`, `span_id`, `tags`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `records` (the default): `from`/`to`, `agent_id`, `agent_type` and `channel` select each row by its own time and agent, as analytics counts it. `conversations`: they select conversations exactly as `GET /v1/inbox` does (the inbox's export menu sends this), and each export holds those conversations' rows. */
          scope?: 'records' | 'conversations';
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Search the contact (name, email, external id), the messages, the ratings’ comments and the current message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most 8) must be found in the conversation, each in one of its texts. A whole number also finds the conversation with that id, a UUID the one with that uid. */
          q?: string;
          /** @description true: some rating of the conversation has an answer; false: none has. */
          rated?: boolean;
          /** @description true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no answer is. */
          low_rating?: boolean;
          /** @description true: a rating or some message feedback carries a comment; false: none does. */
          has_comment?: boolean;
          status?: 'open' | 'closed';
          /**
           * @description Only conversations with a rating answer given on this day or later, in `tz`.
           * @example 2026-11-01
           */
          answered_from?: string;
          /**
           * @description Only conversations with a rating answer given on this day or earlier, in `tz`.
           * @example 2026-11-01
           */
          answered_to?: string;
          /** @description Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions. */
          answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
          /** @description Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`. */
          answered_question?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or later.
           * @example 2026-11-01
           */
          feedback_from?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or earlier.
           * @example 2026-11-01
           */
          feedback_to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A file download: `Content-Disposition: attachment; filename="plaudit-feedback-YYYY-MM-DD.jsonl"`. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-ndjson': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Conversations with their ratings and feedback
     * @description Newest first, keyset-paginated. Each conversation comes with its message count and last message, its latest rating (stars, NPS, thumbs, comment) and the likes, dislikes and comments on its messages. Filters combine with AND; `from` and `to` are days in `tz` (by default the time zone of the organization).
     */
    get: {
      parameters: {
        query?: {
          /** @description true: some rating of the conversation has an answer; false: none has. */
          rated?: boolean;
          /** @description true: some answer is low — stars or CSAT 2 or less, NPS 6 or less, CES 3 or less, a thumbs down; false: no answer is. */
          low_rating?: boolean;
          /** @description true: a rating or some message feedback carries a comment; false: none does. */
          has_comment?: boolean;
          /** @description The conversation's agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          status?: 'open' | 'closed';
          /**
           * @description First day the conversation began, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day the conversation began, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Search the contact (name, email, external id), the messages, the ratings’ comments and the current message-feedback comments. Words are matched whole or by their beginning (`refu` finds “refunded”), ignoring case and accents, in any language; a "quoted phrase" matches those words in a row, whole; punctuation joins words into a phrase (`anna@example`, `ORD-1001`). Every term (at most 8) must be found in the conversation, each in one of its texts. A whole number also finds the conversation with that id, a UUID the one with that uid. */
          q?: string;
          /**
           * @description Only conversations with a rating answer given on this day or later, in `tz`.
           * @example 2026-11-01
           */
          answered_from?: string;
          /**
           * @description Only conversations with a rating answer given on this day or earlier, in `tz`.
           * @example 2026-11-01
           */
          answered_to?: string;
          /** @description Only conversations with an answer of this kind (in the `answered_from`-`answered_to` days), as analytics counts kinds: `stars` is every question CSAT counts (stars and CSAT questions), `ces` the effort questions. */
          answered_kind?: 'stars' | 'nps' | 'ces' | 'thumbs';
          /** @description Only conversations with an answer to this question (in the `answered_from`-`answered_to` days): a built-in code or one of the organization's own questions, archived ones included; any other is `unknown_question_code`. */
          answered_question?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or later.
           * @example 2026-11-01
           */
          feedback_from?: string;
          /**
           * @description Only conversations with a like or dislike on one of their messages given on this day or earlier.
           * @example 2026-11-01
           */
          feedback_to?: string;
          /** @description Only conversations (or answers) written by this model. */
          model?: string;
          /** @description Only conversations (or answers) of this prompt version. */
          prompt_version?: string;
          /** @description Only conversations (or answers) carrying this tag, on a message or on the conversation. */
          tag?: string;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                external_id: string | null;
                channel: string | null;
                status: 'open' | 'closed';
                contact_name: string | null;
                contact_email: string | null;
                /** Format: uuid */
                agent_id: string | null;
                agent_type: ('human' | 'ai') | null;
                /** @description The agent's name in the agents directory; null if unnamed. */
                agent_name: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                closed_at: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                anonymized_at: string | null;
                message_count: number;
                last_message: {
                  role: 'user' | 'agent' | 'ai' | 'system';
                  /** @description The first 300 characters; null once the conversation is anonymized. */
                  text: string | null;
                } | null;
                /** @description The conversation's latest rating. */
                rating: {
                  /** Format: uuid */
                  uid: string;
                  status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
                  source: 'invite' | 'offer' | 'api' | 'popup';
                  /** @description The first answered stars question (STARS or CSAT), 1-5. */
                  stars: number | null;
                  /** @description The NPS answer, 0-10. */
                  nps: number | null;
                  /** @description The answered thumbs questions. */
                  thumbs: {
                    HELPFUL_THUMBS?: 'up' | 'down';
                    EXPERIENCE_THUMBS?: 'up' | 'down';
                  };
                  comment: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  offered_at: string;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  submitted_at: string | null;
                } | null;
                /** @description Every author's current feedback on the conversation's messages, counted. */
                feedback: {
                  likes: number;
                  dislikes: number;
                  comments: number;
                };
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * CSAT, NPS, thumbs and message likes
     * @description Figures over the days `from`-`to` (the last 30 days by default) in `tz`, and the same figures over the period of the same length just before (`previous`). Answers count on the day they were given, the response rate on the day questions were offered. In the organization's time zone the figures come from daily rollups; in any other they are computed from the records, exactly but more slowly.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
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
            'application/json': {
              data: {
                /**
                 * Format: date
                 * @description First day counted, in `tz`.
                 */
                from: string;
                /**
                 * Format: date
                 * @description Last day counted, in `tz`.
                 */
                to: string;
                tz: string;
                csat: {
                  /** @description Share of 4-5 answers among answered CSAT and STARS questions and the organization's own stars and CSAT questions, 0-100. */
                  score: number | null;
                  responses: number;
                  offered: number;
                  /** @description A share, 0-1; null without a denominator. */
                  response_rate: number | null;
                  /** @description Mean answer, 1-5. */
                  average: number | null;
                  /** @description Lower bound of the 95% Wilson interval of `score`. */
                  ci_low: number | null;
                  /** @description Upper bound of the 95% Wilson interval of `score`. */
                  ci_high: number | null;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                nps: {
                  /** @description % promoters (9-10) minus % detractors (0-6), -100 to 100. */
                  score: number | null;
                  responses: number;
                  promoters: number;
                  passives: number;
                  detractors: number;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                /** @description Customer effort: the answers to the organization's own CES questions. */
                ces: {
                  /** @description Mean answer, 1-7 (7: easiest), two decimals; null without answers. */
                  average: number | null;
                  responses: number;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                /** @description Per thumbs question code. */
                thumbs: {
                  [key: string]: {
                    up: number;
                    down: number;
                    /** @description A share, 0-1; null without a denominator. */
                    up_rate: number | null;
                    /** @description True when the figure rests on fewer than 30 answers. */
                    low_sample: boolean;
                  };
                };
                /** @description Likes and dislikes of single messages. Message feedback answers no question: with `question_code` it is 0. */
                messages: {
                  likes: number;
                  dislikes: number;
                  /** @description A share, 0-1; null without a denominator. */
                  like_rate: number | null;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                /** @description The same figures over the period of the same length just before `from`, to compare with. */
                previous: {
                  /**
                   * Format: date
                   * @description First day of the previous period, in `tz`.
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description Last day of the previous period: the day before `from`.
                   */
                  to: string;
                  csat: {
                    /** @description Share of 4-5 answers among answered CSAT and STARS questions and the organization's own stars and CSAT questions, 0-100. */
                    score: number | null;
                    responses: number;
                    offered: number;
                    /** @description A share, 0-1; null without a denominator. */
                    response_rate: number | null;
                    /** @description Mean answer, 1-5. */
                    average: number | null;
                    /** @description Lower bound of the 95% Wilson interval of `score`. */
                    ci_low: number | null;
                    /** @description Upper bound of the 95% Wilson interval of `score`. */
                    ci_high: number | null;
                    /** @description True when the figure rests on fewer than 30 answers. */
                    low_sample: boolean;
                  };
                  nps: {
                    /** @description % promoters (9-10) minus % detractors (0-6), -100 to 100. */
                    score: number | null;
                    responses: number;
                    promoters: number;
                    passives: number;
                    detractors: number;
                    /** @description True when the figure rests on fewer than 30 answers. */
                    low_sample: boolean;
                  };
                  /** @description Customer effort: the answers to the organization's own CES questions. */
                  ces: {
                    /** @description Mean answer, 1-7 (7: easiest), two decimals; null without answers. */
                    average: number | null;
                    responses: number;
                    /** @description True when the figure rests on fewer than 30 answers. */
                    low_sample: boolean;
                  };
                  /** @description Per thumbs question code. */
                  thumbs: {
                    [key: string]: {
                      up: number;
                      down: number;
                      /** @description A share, 0-1; null without a denominator. */
                      up_rate: number | null;
                      /** @description True when the figure rests on fewer than 30 answers. */
                      low_sample: boolean;
                    };
                  };
                  /** @description Likes and dislikes of single messages. Message feedback answers no question: with `question_code` it is 0. */
                  messages: {
                    likes: number;
                    dislikes: number;
                    /** @description A share, 0-1; null without a denominator. */
                    like_rate: number | null;
                    /** @description True when the figure rests on fewer than 30 answers. */
                    low_sample: boolean;
                  };
                };
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/timeseries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A metric per day, week or month
     * @description One point per period from the one holding `from` to the one holding `to`, each with its own number of responses. A point that does not cover its whole period — the current one, or one the range cuts — says `partial: true`.
     */
    get: {
      parameters: {
        query: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          interval: 'day' | 'week' | 'month';
          metric: 'csat' | 'nps' | 'ces' | 'thumbs' | 'message_likes';
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
            'application/json': {
              data: {
                /**
                 * Format: date
                 * @description First day of the period, in `tz` (weeks start on Monday).
                 */
                period: string;
                /**
                 * Format: date
                 * @description First day the point counts: the period's first day, or the range's `from` when that is later.
                 */
                from: string;
                /**
                 * Format: date
                 * @description Last day the point counts: the period's last day, or the range's `to` when that is earlier.
                 */
                to: string;
                /** @description csat: % of 4-5 answers; nps: the NPS; ces: the mean effort answer, 1-7; thumbs: % thumbs up; message_likes: % likes. Null without answers. */
                value: number | null;
                /** @description This period's own answers (or likes and dislikes). */
                responses: number;
                /** @description True when the point does not cover its whole period: the period is not over yet (it holds today, or lies ahead), or the range cuts it (`from` after its first day, `to` before its last). */
                partial: boolean;
                /** @description True when the figure rests on fewer than 30 answers. */
                low_sample: boolean;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The figures per agent
     * @description AI agents first, then human agents; each by number of answers.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
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
            'application/json': {
              data: {
                agent_id: string;
                agent_type: ('human' | 'ai') | null;
                /** @description The agent's name in the agents directory (or its linked user's); null if unnamed. */
                agent_name: string | null;
                csat: {
                  /** @description Percent, 0-100; null without answers. */
                  score: number | null;
                  responses: number;
                  average: number | null;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                nps: {
                  score: number | null;
                  responses: number;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                /** @description Customer effort: the answers to the organization's own CES questions. */
                ces: {
                  /** @description Mean answer, 1-7 (7: easiest), two decimals; null without answers. */
                  average: number | null;
                  responses: number;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                thumbs: {
                  up: number;
                  down: number;
                  /** @description A share, 0-1; null without a denominator. */
                  up_rate: number | null;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                /** @description Likes and dislikes of single messages. Message feedback answers no question: with `question_code` it is 0. */
                messages: {
                  likes: number;
                  dislikes: number;
                  /** @description A share, 0-1; null without a denominator. */
                  like_rate: number | null;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Offered, opened, answered, expired
     * @description Questions offered in the range, and what became of them; `previous` is the same over the period of the same length just before `from`.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
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
            'application/json': {
              data: {
                /** @description Questions offered in the range. */
                offered: number;
                /** @description Of those, seen: the rating page or popup was opened, or the question answered. */
                opened: number;
                answered: number;
                /** @description Left unanswered until their rating expired. */
                expired: number;
                cancelled: number;
                /** @description A share, 0-1; null without a denominator. */
                open_rate: number | null;
                /** @description A share, 0-1; null without a denominator. */
                response_rate: number | null;
                /** @description The same funnel over the period of the same length just before `from`. */
                previous: {
                  /**
                   * Format: date
                   * @description First day of the previous period.
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description Last day of the previous period.
                   */
                  to: string;
                  /** @description Questions offered in the range. */
                  offered: number;
                  /** @description Of those, seen: the rating page or popup was opened, or the question answered. */
                  opened: number;
                  answered: number;
                  /** @description Left unanswered until their rating expired. */
                  expired: number;
                  cancelled: number;
                  /** @description A share, 0-1; null without a denominator. */
                  open_rate: number | null;
                  /** @description A share, 0-1; null without a denominator. */
                  response_rate: number | null;
                };
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/knowledge-gaps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the agents get wrong
     * @description The agents' answers with the most dislikes in the range, and the latest ratings with a low answer (stars and CSAT 1-2, NPS 0-6, CES 1-3, thumbs down), each rating once with all its answers and comments. `agent_type=ai` lists the AI agents' answers and conversations, `agent_type=human` the human agents'; without it, both.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
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
            'application/json': {
              data: {
                /** @description Agents’ answers by number of dislikes in the range. */
                messages: {
                  message_uid: string;
                  conversation_id: number;
                  conversation_uid: string;
                  text: string | null;
                  agent_id: string | null;
                  /** @description `ai` for an AI agent’s answer, `human` for a human agent’s. */
                  agent_type: 'human' | 'ai';
                  /** @description The agent's name in the agents directory; null if unnamed. */
                  agent_name: string | null;
                  likes: number;
                  dislikes: number;
                  /** @description Up to five comments given in the range, newest first. */
                  comments: string[];
                  last_feedback_at: string;
                }[];
                /** @description Ratings with a low answer in the range, each once, the latest first. */
                conversations: {
                  conversation_id: number;
                  conversation_uid: string;
                  rating_uid: string;
                  agent_id: string | null;
                  agent_type: ('human' | 'ai') | null;
                  /** @description The agent's name in the agents directory; null if unnamed. */
                  agent_name: string | null;
                  /** @description The latest low answer in the range (it is also in `questions`). */
                  question_code: string;
                  /** @description The value of that answer. */
                  value: number;
                  /** @description The rating's comment, else that answer's. */
                  comment: string | null;
                  /** @description When that answer was given. */
                  answered_at: string;
                  /** @description Every answered question of the rating, in its order. */
                  questions: {
                    code: string;
                    kind: 'stars' | 'csat' | 'nps' | 'ces' | 'thumbs';
                    value: number;
                    /** @description Stars and CSAT 1-2, NPS 0-6, CES 1-3 or a thumbs down. */
                    low: boolean;
                    comment: string | null;
                    answered_at: string;
                  }[];
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Compare two versions
     * @description Two prompt versions, two models or two tags side by side on one metric, under the usual filters (which narrow both sides alike; the filter of `dimension` itself is refused, `dimension_also_filtered`). Each side is counted as the summary counts that version filter: message feedback under its message’s labels and its conversation’s tags, a rating answer under every label of its conversation — so a conversation both versions answered in counts its rating for both. `message_likes` = likes / (likes + dislikes) of messages; `csat` = share of 4-5 answers to CSAT and STARS (`question_code` may pick one); `thumbs` = thumbs up / all thumbs answers. `difference` is A − B in percentage points, with its 95% interval by Newcombe’s hybrid score method (1998, method 10: from the two Wilson intervals); `excludes_zero` says whether the interval lies wholly on one side of zero, and `sentence` says it in words. A side under 30 answers is `low_sample`. `a` equal to `b`, or a `question_code` the metric does not count, is `invalid_comparison`. In the organization's time zone one label is read from the version rollups; a channel, another version filter or another zone is counted exactly from the records.
     */
    get: {
      parameters: {
        query: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description What the sides are: two prompt versions, two models or two tags. */
          dimension: 'prompt_version' | 'model' | 'tag';
          /**
           * @description Side A: a value of `dimension`, such as `v13`.
           * @example v13
           */
          a: string;
          /**
           * @description Side B, compared with A: the difference is A − B.
           * @example v12
           */
          b: string;
          /** @description message_likes: likes / (likes + dislikes) of messages; csat: share of 4-5 answers to the stars questions (CSAT, STARS); thumbs: thumbs up / all thumbs answers. */
          metric: 'message_likes' | 'csat' | 'thumbs';
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
            'application/json': {
              data: {
                /** @description What the sides are: two prompt versions, two models or two tags. */
                dimension: 'prompt_version' | 'model' | 'tag';
                /** @description message_likes: likes / (likes + dislikes) of messages; csat: share of 4-5 answers to the stars questions (CSAT, STARS); thumbs: thumbs up / all thumbs answers. */
                metric: 'message_likes' | 'csat' | 'thumbs';
                /**
                 * Format: date
                 * @description First day counted, in `tz`.
                 */
                from: string;
                /**
                 * Format: date
                 * @description Last day counted, in `tz`.
                 */
                to: string;
                tz: string;
                a: {
                  value: string;
                  /** @description Likes, 4-5 answers or thumbs up. */
                  successes: number;
                  /** @description Every answer the share is of: likes and dislikes, stars answers, thumbs answers. */
                  total: number;
                  /** @description successes / total in percent. */
                  rate: number | null;
                  /** @description Lower bound of the 95% Wilson interval of `rate`. */
                  ci_low: number | null;
                  /** @description Upper bound of the 95% Wilson interval of `rate`. */
                  ci_high: number | null;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                b: {
                  value: string;
                  /** @description Likes, 4-5 answers or thumbs up. */
                  successes: number;
                  /** @description Every answer the share is of: likes and dislikes, stars answers, thumbs answers. */
                  total: number;
                  /** @description successes / total in percent. */
                  rate: number | null;
                  /** @description Lower bound of the 95% Wilson interval of `rate`. */
                  ci_low: number | null;
                  /** @description Upper bound of the 95% Wilson interval of `rate`. */
                  ci_high: number | null;
                  /** @description True when the figure rests on fewer than 30 answers. */
                  low_sample: boolean;
                };
                /** @description `a.rate` − `b.rate` in percentage points; null when a side has no answers. */
                difference: number | null;
                /** @description Lower bound of the difference's 95% interval (Newcombe's hybrid score method), in points. */
                ci_low: number | null;
                /** @description Upper bound of the difference's 95% interval, in points. */
                ci_high: number | null;
                /** @description True when the interval lies wholly above or below zero. */
                excludes_zero: boolean;
                /** @description True when either side rests on fewer than 30 answers. */
                low_sample: boolean;
                /** @description a_higher / b_higher when the interval excludes zero; no_data when a side has no answers. */
                verdict: 'a_higher' | 'b_higher' | 'no_clear_difference' | 'no_data';
                /**
                 * @description The comparison in words, for people.
                 * @example v13 is liked more: +6.2 points (95% CI +1.1 to +11.3), 412 vs 389 answers
                 */
                sentence: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The versions answered in the range
     * @description The values of `dimension` (prompt versions, models or tags) with answers in the range under the filters, each with the number of answers each metric of `/v1/analytics/compare` would count: most answers first, at most `limit`. Counted as the comparison counts them.
     */
    get: {
      parameters: {
        query: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Which labels to list: prompt versions, models or tags. */
          dimension: 'prompt_version' | 'model' | 'tag';
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
            'application/json': {
              data: {
                value: string;
                /** @description The answers each metric of the comparison would count under this value. */
                answers: {
                  message_likes: number;
                  csat: number;
                  thumbs: number;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/questions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The figures of your own questions
     * @description Each of the organization's own questions (the active ones, and archived ones answered in the range) in their order, under the usual filters, counting the answers given in the range: the mean answer of a scale (the CES average among them) and how many gave each value; for a choice, how many answers chose each option and their share of the answers; for a question with follow-up reasons, how often each reason was chosen and its share of all reasons chosen, in all and per agent (named). Labels are in `language`, else the organization’s default language, else English; an option or reason an edit removed or renamed reads as the version it was chosen in said it. Counted from the records, exactly, in any `tz`.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only this question of the organization’s own (a built-in code lists none); a code the organization does not know is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description The language of the labels (`de`, `ar`…): each falls back to the organization’s default language, then English, then the first language it has. */
          language?: 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar';
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
            'application/json': {
              /** Format: date */
              from: string;
              /** Format: date */
              to: string;
              tz: string;
              language: string;
              data: {
                code: string;
                /** @description `stars`, `csat`, `nps`, `ces`, `thumbs`, `choice` or `text`. */
                kind: string;
                /** @description The question in `language`, as its current version asks it. */
                label: string;
                archived: boolean;
                /** @description The versions of the question the answers were given to. */
                versions: number[];
                /** @description Answers given in the range. */
                responses: number;
                /** @description Mean answer (stars and CSAT 1-5, NPS 0-10, CES 1-7), two decimals; null otherwise. */
                average: number | null;
                /** @description Low answers (stars and CSAT 1-2, NPS 0-6, CES 1-3, thumbs down); null for choice and text. */
                low: number | null;
                /** @description Each answer of the scale with its count and share of the answers; empty for choice and text. */
                values: {
                  value: number;
                  count: number;
                  /** @description Percent, 0-100, two decimals. */
                  share: number | null;
                }[];
                /** @description Choice only: each option with how many answers chose it and their share of the answers (with `multiple` the shares may add up to more than 100). */
                options:
                  | {
                      /** @description The option’s or reason’s id, as exports and the API name it. */
                      id: string;
                      /** @description Its label in `language`, from the newest version of the question it was chosen in (or, chosen in none, the current version). */
                      label: string;
                      count: number;
                      /** @description Percent, 0-100, two decimals. */
                      share: number | null;
                    }[]
                  | null;
                /** @description The follow-up reasons chosen; null for a question without reasons. */
                reasons: {
                  /** @description Reasons chosen in all, the denominator of each share. */
                  chosen: number;
                  /** @description Answers that chose at least one reason. */
                  answers: number;
                  reasons: {
                    /** @description The option’s or reason’s id, as exports and the API name it. */
                    id: string;
                    /** @description Its label in `language`, from the newest version of the question it was chosen in (or, chosen in none, the current version). */
                    label: string;
                    count: number;
                    /** @description Percent, 0-100, two decimals. */
                    share: number | null;
                  }[];
                  /** @description Per agent, by most reasons chosen. */
                  agents: {
                    agent_id: string;
                    agent_type: ('human' | 'ai') | null;
                    /** @description The directory’s name, else the linked user’s; null: unnamed. */
                    agent_name: string | null;
                    /** @description Reasons chosen in this agent’s ratings (one answer may choose several). */
                    chosen: number;
                    /** @description Every reason with its count and share of the reasons this agent got. */
                    reasons: {
                      /** @description The option’s or reason’s id, as exports and the API name it. */
                      id: string;
                      /** @description Its label in `language`, from the newest version of the question it was chosen in (or, chosen in none, the current version). */
                      label: string;
                      count: number;
                      /** @description Percent, 0-100, two decimals. */
                      share: number | null;
                    }[];
                  }[];
                } | null;
                /** @description True when the figure rests on fewer than 30 answers. */
                low_sample: boolean;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/topics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the disliked AI answers are about
     * @description The disliked AI answers and low-rated AI conversations of the last 90 days, clustered into topics by a background job (at most every 5 minutes, when new feedback came in; `computation` says when). Each topic is counted in the range and filters: its size, the liked answers like it (for its dislike rate), its trend and its examples. `agent_type=human` has no topics.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description The periods of each topic’s trend. */
          interval?: 'day' | 'week' | 'month';
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
            'application/json': {
              data: {
                computation: {
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  computed_at: string;
                  /** @description Disliked answers and low ratings the computation clustered. */
                  documents: number;
                } | null;
                interval: 'day' | 'week' | 'month';
                topics: {
                  /** @description Valid until the next computation, which makes the topics anew. */
                  id: number;
                  /** @description The topic’s heaviest terms, as people wrote them. */
                  label: string;
                  /** @description The heaviest stems, heaviest first. */
                  terms: string[];
                  /** @description Disliked AI answers and low-rated AI conversations of the topic in the range. */
                  size: number;
                  answers: {
                    disliked: number;
                    /** @description Liked AI answers like enough to the topic to count in it. */
                    liked: number;
                    /** @description disliked / (disliked + liked); null without either. */
                    dislike_rate: number | null;
                  };
                  ratings: {
                    low: number;
                    high: number;
                    /** @description low / (low + high); null without either. */
                    low_rate: number | null;
                  };
                  /** @description Disliked answers and low ratings per period of the range, every period listed. */
                  trend: {
                    /** Format: date */
                    period: string;
                    count: number;
                  }[];
                  /** @description The disliked answers closest to the topic’s centre. */
                  examples: {
                    /** Format: uuid */
                    message_uid: string;
                    conversation_id: number;
                    /** Format: uuid */
                    conversation_uid: string;
                    /** @description Null once the conversation is anonymized. */
                    text: string | null;
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    disliked_at: string;
                  }[];
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/analytics/topics/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A topic's answers and ratings
     * @description The topic's disliked answers and low ratings in the range, newest first; `all=true` adds the rest.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz`.
           * @example 2026-11-01
           */
          to?: string;
          /**
           * @description IANA time zone the days are counted in; the organization's reporting time zone by default.
           * @example Europe/Berlin
           */
          tz?: string;
          /** @description Only this agent (human or AI). */
          agent_id?: string;
          agent_type?: 'human' | 'ai';
          channel?: string;
          /** @description Only answers to this question: a built-in code (CSAT, STARS, NPS, HELPFUL_THUMBS, EXPERIENCE_THUMBS) or the code of one of the organization's own questions (`GET /v1/questions`), archived ones included; any other code is `unknown_question_code`. */
          question_code?: string;
          /** @description Only answers written by this model, and ratings of conversations it answered in. */
          model?: string;
          /** @description Only answers of this prompt version, and ratings of conversations it answered in. */
          prompt_version?: string;
          /** @description Only answers carrying this tag (their own or their conversation's), and ratings of conversations that carry it. */
          tag?: string;
          /** @description Also the liked answers and high ratings the topic holds; by default only the bad. */
          all?: boolean;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path: {
          /**
           * @description The integer id (at most 9223372036854775807).
           * @example 42
           */
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
            'application/json': {
              topic: {
                id: number;
                label: string;
                terms: string[];
              };
              data: {
                /**
                 * Format: date-time
                 * @description When the feedback was given, or the rating answered.
                 * @example 2026-03-11T16:39:30.000Z
                 */
                at: string;
                polarity: 'disliked' | 'liked' | 'low' | 'high';
                /** @description Cosine similarity to the topic’s centre, 0-1. */
                similarity: number;
                /** Format: uuid */
                message_uid: string | null;
                /** @description The AI answer; null for a rating, or once anonymized. */
                text: string | null;
                /** Format: uuid */
                rating_uid: string | null;
                comments: string[];
                conversation_id: number;
                /** Format: uuid */
                conversation_uid: string;
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The review queue
     * @description Every disliked AI answer and low-rated AI conversation, newest dislike or low answer first. A closed item comes back (`open`, `reopened` counted) when its answer gets a new dislike or its rating a new low answer.
     */
    get: {
      parameters: {
        query?: {
          /** @description One status, or `unresolved`: open and in_review, what is left to do. */
          status?: 'open' | 'in_review' | 'resolved' | 'wont_fix' | 'unresolved';
          /** @description `answer`: a disliked AI answer. `rating`: a low-rated AI conversation. */
          kind?: 'answer' | 'rating';
          /** @description `me`, `none` (unassigned) or a user id. */
          assignee?: 'me' | 'none' | string;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                id: number;
                /** @description `answer`: a disliked AI answer. `rating`: a low-rated AI conversation. */
                kind: 'answer' | 'rating';
                status: 'open' | 'in_review' | 'resolved' | 'wont_fix';
                assignee: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string | null;
                } | null;
                notes: string | null;
                resolution: string | null;
                /** @description Times a new dislike or low answer put it back after it was closed. */
                reopened: number;
                conversation: {
                  id: number;
                  /** Format: uuid */
                  uid: string;
                  contact_name: string | null;
                  channel: string | null;
                  /** Format: uuid */
                  agent_id: string | null;
                  /** @description The agent's name in the directory, else its user's. */
                  agent_name: string | null;
                };
                message: {
                  /** Format: uuid */
                  uid: string;
                  text: string | null;
                  dislikes: number;
                  likes: number;
                  comments: string[];
                } | null;
                rating: {
                  /** Format: uuid */
                  uid: string;
                  comment: string | null;
                  answers: {
                    code: string;
                    kind: string;
                    value: number;
                  }[];
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @description The latest dislike or low answer that put it in the queue.
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_event_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                resolved_at: string | null;
              }[];
              /** @description Items per status in the whole queue, whatever the filters. */
              counts: {
                open?: number;
                in_review?: number;
                resolved?: number;
                wont_fix?: number;
              };
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One review item */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /**
           * @description The integer id (at most 9223372036854775807).
           * @example 42
           */
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
            'application/json': {
              data: {
                id: number;
                /** @description `answer`: a disliked AI answer. `rating`: a low-rated AI conversation. */
                kind: 'answer' | 'rating';
                status: 'open' | 'in_review' | 'resolved' | 'wont_fix';
                assignee: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string | null;
                } | null;
                notes: string | null;
                resolution: string | null;
                /** @description Times a new dislike or low answer put it back after it was closed. */
                reopened: number;
                conversation: {
                  id: number;
                  /** Format: uuid */
                  uid: string;
                  contact_name: string | null;
                  channel: string | null;
                  /** Format: uuid */
                  agent_id: string | null;
                  /** @description The agent's name in the directory, else its user's. */
                  agent_name: string | null;
                };
                message: {
                  /** Format: uuid */
                  uid: string;
                  text: string | null;
                  dislikes: number;
                  likes: number;
                  comments: string[];
                } | null;
                rating: {
                  /** Format: uuid */
                  uid: string;
                  comment: string | null;
                  answers: {
                    code: string;
                    kind: string;
                    value: number;
                  }[];
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @description The latest dislike or low answer that put it in the queue.
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_event_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                resolved_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Work on a review item
     * @description Move it, assign it, note what was done. Each change is a `review.updated` webhook event.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /**
           * @description The integer id (at most 9223372036854775807).
           * @example 42
           */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description open → in_review → resolved or wont_fix; in_review may go back to open, a closed item only to open. Assigning an open item without a status moves it to in_review. */
            status?: 'open' | 'in_review' | 'resolved' | 'wont_fix';
            /**
             * Format: uuid
             * @description A user of the organization.
             */
            assignee_id?: string | null;
            notes?: string | null;
            /** @description A short tag: lower case letters, digits, `_` and `-`, e.g. `prompt_fixed`, `knowledge_added`. */
            resolution?: string | null;
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
            'application/json': {
              data: {
                id: number;
                /** @description `answer`: a disliked AI answer. `rating`: a low-rated AI conversation. */
                kind: 'answer' | 'rating';
                status: 'open' | 'in_review' | 'resolved' | 'wont_fix';
                assignee: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string | null;
                } | null;
                notes: string | null;
                resolution: string | null;
                /** @description Times a new dislike or low answer put it back after it was closed. */
                reopened: number;
                conversation: {
                  id: number;
                  /** Format: uuid */
                  uid: string;
                  contact_name: string | null;
                  channel: string | null;
                  /** Format: uuid */
                  agent_id: string | null;
                  /** @description The agent's name in the directory, else its user's. */
                  agent_name: string | null;
                };
                message: {
                  /** Format: uuid */
                  uid: string;
                  text: string | null;
                  dislikes: number;
                  likes: number;
                  comments: string[];
                } | null;
                rating: {
                  /** Format: uuid */
                  uid: string;
                  comment: string | null;
                  answers: {
                    code: string;
                    kind: string;
                    value: number;
                  }[];
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @description The latest dislike or low answer that put it in the queue.
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_event_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                resolved_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/reviews/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign or resolve many items at once
     * @description The same change to every item named, all or none: one item missing or unable to move refuses all.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description At most 100 items. */
            ids: number[];
            /** @description open → in_review → resolved or wont_fix; in_review may go back to open, a closed item only to open. Assigning an open item without a status moves it to in_review. */
            status?: 'open' | 'in_review' | 'resolved' | 'wont_fix';
            /**
             * Format: uuid
             * @description A user of the organization.
             */
            assignee_id?: string | null;
            notes?: string | null;
            /** @description A short tag: lower case letters, digits, `_` and `-`, e.g. `prompt_fixed`, `knowledge_added`. */
            resolution?: string | null;
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
            'application/json': {
              data: {
                id: number;
                /** @description `answer`: a disliked AI answer. `rating`: a low-rated AI conversation. */
                kind: 'answer' | 'rating';
                status: 'open' | 'in_review' | 'resolved' | 'wont_fix';
                assignee: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  email: string | null;
                } | null;
                notes: string | null;
                resolution: string | null;
                /** @description Times a new dislike or low answer put it back after it was closed. */
                reopened: number;
                conversation: {
                  id: number;
                  /** Format: uuid */
                  uid: string;
                  contact_name: string | null;
                  channel: string | null;
                  /** Format: uuid */
                  agent_id: string | null;
                  /** @description The agent's name in the directory, else its user's. */
                  agent_name: string | null;
                };
                message: {
                  /** Format: uuid */
                  uid: string;
                  text: string | null;
                  dislikes: number;
                  likes: number;
                  comments: string[];
                } | null;
                rating: {
                  /** Format: uuid */
                  uid: string;
                  comment: string | null;
                  answers: {
                    code: string;
                    kind: string;
                    value: number;
                  }[];
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @description The latest dislike or low answer that put it in the queue.
                 * @example 2026-03-11T16:39:30.000Z
                 */
                last_event_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                resolved_at: string | null;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List webhooks
     * @description Newest first. Secrets are not listed. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                url: string;
                event_types: (
                  | 'rating.offered'
                  | 'rating.submitted'
                  | 'rating.cancelled'
                  | 'rating.expired'
                  | 'rating.reminder_due'
                  | 'feedback.created'
                  | 'conversation.anonymized'
                  | 'review.updated'
                )[];
                filters: {
                  /** @description `rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that answer only); kinds without a bound, and choice and text answers, pass every answer. */
                  rating?: {
                    /** @description Bounds stars questions (CSAT, STARS) and csat ones. */
                    max_stars?: number;
                    max_nps?: number;
                    /** @description Bounds ces questions: 1 is "very difficult". */
                    max_ces?: number;
                    thumbs?: 'up' | 'down';
                  };
                };
                enabled: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /**
     * Register a webhook
     * @description Answers the webhook with its signing `secret` (`whsec_` + base64), shown here and on rotation only. Private, loopback and link-local addresses are refused unless `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description An http:// or https:// URL. */
            url: string;
            event_types: (
              | 'rating.offered'
              | 'rating.submitted'
              | 'rating.cancelled'
              | 'rating.expired'
              | 'rating.reminder_due'
              | 'feedback.created'
              | 'conversation.anonymized'
              | 'review.updated'
            )[];
            filters?: {
              /** @description `rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that answer only); kinds without a bound, and choice and text answers, pass every answer. */
              rating?: {
                /** @description Bounds stars questions (CSAT, STARS) and csat ones. */
                max_stars?: number;
                max_nps?: number;
                /** @description Bounds ces questions: 1 is "very difficult". */
                max_ces?: number;
                thumbs?: 'up' | 'down';
              };
            };
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                url: string;
                event_types: (
                  | 'rating.offered'
                  | 'rating.submitted'
                  | 'rating.cancelled'
                  | 'rating.expired'
                  | 'rating.reminder_due'
                  | 'feedback.created'
                  | 'conversation.anonymized'
                  | 'review.updated'
                )[];
                filters: {
                  /** @description `rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that answer only); kinds without a bound, and choice and text answers, pass every answer. */
                  rating?: {
                    /** @description Bounds stars questions (CSAT, STARS) and csat ones. */
                    max_stars?: number;
                    max_nps?: number;
                    /** @description Bounds ces questions: 1 is "very difficult". */
                    max_ces?: number;
                    thumbs?: 'up' | 'down';
                  };
                };
                enabled: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /** @description The signing secret (Standard Webhooks). Shown on creation and rotation only. */
                secret: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a webhook
     * @description Admins only: an agent is refused with 403 `forbidden_role`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                url: string;
                event_types: (
                  | 'rating.offered'
                  | 'rating.submitted'
                  | 'rating.cancelled'
                  | 'rating.expired'
                  | 'rating.reminder_due'
                  | 'feedback.created'
                  | 'conversation.anonymized'
                  | 'review.updated'
                )[];
                filters: {
                  /** @description `rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that answer only); kinds without a bound, and choice and text answers, pass every answer. */
                  rating?: {
                    /** @description Bounds stars questions (CSAT, STARS) and csat ones. */
                    max_stars?: number;
                    max_nps?: number;
                    /** @description Bounds ces questions: 1 is "very difficult". */
                    max_ces?: number;
                    thumbs?: 'up' | 'down';
                  };
                };
                enabled: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a webhook
     * @description With its deliveries and their log; pending deliveries are not sent. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a webhook
     * @description Omitted fields keep their values. New events follow the change within seconds on every node. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description An http:// or https:// URL. */
            url?: string;
            event_types?: (
              | 'rating.offered'
              | 'rating.submitted'
              | 'rating.cancelled'
              | 'rating.expired'
              | 'rating.reminder_due'
              | 'feedback.created'
              | 'conversation.anonymized'
              | 'review.updated'
            )[];
            filters?: {
              /** @description `rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that answer only); kinds without a bound, and choice and text answers, pass every answer. */
              rating?: {
                /** @description Bounds stars questions (CSAT, STARS) and csat ones. */
                max_stars?: number;
                max_nps?: number;
                /** @description Bounds ces questions: 1 is "very difficult". */
                max_ces?: number;
                thumbs?: 'up' | 'down';
              };
            };
            enabled?: boolean;
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                url: string;
                event_types: (
                  | 'rating.offered'
                  | 'rating.submitted'
                  | 'rating.cancelled'
                  | 'rating.expired'
                  | 'rating.reminder_due'
                  | 'feedback.created'
                  | 'conversation.anonymized'
                  | 'review.updated'
                )[];
                filters: {
                  /** @description `rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that answer only); kinds without a bound, and choice and text answers, pass every answer. */
                  rating?: {
                    /** @description Bounds stars questions (CSAT, STARS) and csat ones. */
                    max_stars?: number;
                    max_nps?: number;
                    /** @description Bounds ces questions: 1 is "very difficult". */
                    max_ces?: number;
                    thumbs?: 'up' | 'down';
                  };
                };
                enabled: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the signing secret
     * @description Every delivery sent from now on, pending ones included, is signed with the new secret only. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** Format: uuid */
                uid: string;
                url: string;
                event_types: (
                  | 'rating.offered'
                  | 'rating.submitted'
                  | 'rating.cancelled'
                  | 'rating.expired'
                  | 'rating.reminder_due'
                  | 'feedback.created'
                  | 'conversation.anonymized'
                  | 'review.updated'
                )[];
                filters: {
                  /** @description `rating.submitted` only: a question kind with a bound passes answers at or below it (thumbs: that answer only); kinds without a bound, and choice and text answers, pass every answer. */
                  rating?: {
                    /** @description Bounds stars questions (CSAT, STARS) and csat ones. */
                    max_stars?: number;
                    max_nps?: number;
                    /** @description Bounds ces questions: 1 is "very difficult". */
                    max_ces?: number;
                    thumbs?: 'up' | 'down';
                  };
                };
                enabled: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                /** @description The signing secret (Standard Webhooks). Shown on creation and rotation only. */
                secret: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/webhooks/{id}/ping': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test event
     * @description Queues a `ping` event (`{"type":"ping","timestamp","data":{"webhook_uid","message"}}`) to this webhook alone, enabled or not and whatever it subscribes to. It goes through the same outbox and worker as every event: signed, logged among the deliveries and retried alike. Answers the queued delivery. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
          content: {
            'application/json': {
              data: {
                id: number;
                /** @description The `webhook-id` header, the same on every attempt. */
                webhook_id: string;
                /** @description The event type, or `ping`: the test event sent by `POST /v1/webhooks/{id}/ping`. */
                event_type:
                  | 'rating.offered'
                  | 'rating.submitted'
                  | 'rating.cancelled'
                  | 'rating.expired'
                  | 'rating.reminder_due'
                  | 'feedback.created'
                  | 'conversation.anonymized'
                  | 'review.updated'
                  | 'ping';
                status: 'pending' | 'succeeded' | 'failed';
                attempt_count: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                next_attempt_at: string | null;
                last_status_code: number | null;
                last_error: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                completed_at: string | null;
                /** @description The body sent, `{"type","timestamp","data"}`. */
                payload: {
                  /** @description The event type, or `ping`: the test event sent by `POST /v1/webhooks/{id}/ping`. */
                  type:
                    | 'rating.offered'
                    | 'rating.submitted'
                    | 'rating.cancelled'
                    | 'rating.expired'
                    | 'rating.reminder_due'
                    | 'feedback.created'
                    | 'conversation.anonymized'
                    | 'review.updated'
                    | 'ping';
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  timestamp: string;
                  data: {
                    [key: string]: unknown;
                  };
                };
                attempts: {
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  attempted_at: string;
                  /** @description Null when no answer came (timeout, connection error). */
                  status_code: number | null;
                  duration_ms: number;
                  error: string | null;
                }[];
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the deliveries of a webhook
     * @description Newest first, each with its attempts (status code, duration, error). Admins only: an agent is refused with 403 `forbidden_role`.
     */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'succeeded' | 'failed';
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
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
            'application/json': {
              data: {
                id: number;
                /** @description The `webhook-id` header, the same on every attempt. */
                webhook_id: string;
                /** @description The event type, or `ping`: the test event sent by `POST /v1/webhooks/{id}/ping`. */
                event_type:
                  | 'rating.offered'
                  | 'rating.submitted'
                  | 'rating.cancelled'
                  | 'rating.expired'
                  | 'rating.reminder_due'
                  | 'feedback.created'
                  | 'conversation.anonymized'
                  | 'review.updated'
                  | 'ping';
                status: 'pending' | 'succeeded' | 'failed';
                attempt_count: number;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                next_attempt_at: string | null;
                last_status_code: number | null;
                last_error: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                completed_at: string | null;
                /** @description The body sent, `{"type","timestamp","data"}`. */
                payload: {
                  /** @description The event type, or `ping`: the test event sent by `POST /v1/webhooks/{id}/ping`. */
                  type:
                    | 'rating.offered'
                    | 'rating.submitted'
                    | 'rating.cancelled'
                    | 'rating.expired'
                    | 'rating.reminder_due'
                    | 'feedback.created'
                    | 'conversation.anonymized'
                    | 'review.updated'
                    | 'ping';
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  timestamp: string;
                  data: {
                    [key: string]: unknown;
                  };
                };
                attempts: {
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  attempted_at: string;
                  /** @description Null when no answer came (timeout, connection error). */
                  status_code: number | null;
                  duration_ms: number;
                  error: string | null;
                }[];
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/webhooks/{id}/deliveries/{delivery_id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a delivery again
     * @description Queues the delivery to be sent at once with the same `webhook-id`; a finished one starts a fresh schedule of retries. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
          /** @description The delivery id or its `webhook-id`. */
          delivery_id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued. */
        202: {
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/connections/langfuse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the Langfuse connection
     * @description The connection with how its scores are getting on, or `null`. The keys are never returned. Admins only: an agent is refused with 403 `forbidden_role`.
     */
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
            'application/json': {
              data: {
                base_url: string;
                /** @description The public key’s start and end; the keys are never returned. */
                public_key_masked: string;
                secret_key_set: boolean;
                /** @description False when PLAUDIT_SECRET_KEY is unset or not the key the secret was saved with. */
                secret_key_readable: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                delivery: {
                  /** @description `waiting`: nothing sent yet; `delivering`: the latest attempt succeeded; `failing`: it failed. */
                  state: 'waiting' | 'delivering' | 'failing';
                  pending: number;
                  delivered: number;
                  failed: number;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  last_attempt_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  last_delivered_at: string | null;
                  /** @description The latest failed attempts, newest first. */
                  recent_errors: {
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    attempted_at: string;
                    status_code: number | null;
                    error: string;
                  }[];
                };
              } | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    /**
     * Connect Langfuse
     * @description Creates or replaces the connection. From then on each message feedback and rating answer on a traced conversation is sent as a Langfuse score. The secret key is stored sealed with `PLAUDIT_SECRET_KEY`; without that setting the request is refused (`secret_key_unset`). Admins only: an agent is refused with 403 `forbidden_role`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The Langfuse host, e.g. `https://cloud.langfuse.com` or a self-hosted one. */
            base_url: string;
            /** @description The project’s public key (`pk-lf-…`): required to connect, left out to keep the saved one. */
            public_key?: string;
            /** @description The project’s secret key (`sk-lf-…`): required to connect, left out to keep the saved one. */
            secret_key?: string;
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
            'application/json': {
              data: {
                base_url: string;
                /** @description The public key’s start and end; the keys are never returned. */
                public_key_masked: string;
                secret_key_set: boolean;
                /** @description False when PLAUDIT_SECRET_KEY is unset or not the key the secret was saved with. */
                secret_key_readable: boolean;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
                delivery: {
                  /** @description `waiting`: nothing sent yet; `delivering`: the latest attempt succeeded; `failing`: it failed. */
                  state: 'waiting' | 'delivering' | 'failing';
                  pending: number;
                  delivered: number;
                  failed: number;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  last_attempt_at: string | null;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  last_delivered_at: string | null;
                  /** @description The latest failed attempts, newest first. */
                  recent_errors: {
                    /**
                     * Format: date-time
                     * @example 2026-03-11T16:39:30.000Z
                     */
                    attempted_at: string;
                    status_code: number | null;
                    error: string;
                  }[];
                };
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    post?: never;
    /**
     * Disconnect Langfuse
     * @description Deletes the connection with its scores not sent yet and its delivery log. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
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
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connections/langfuse/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test the Langfuse connection
     * @description Asks Langfuse, with the saved keys, which project they belong to (`GET /api/public/projects`). Writes nothing. A refusal by Langfuse is an answer (`ok: false` with its status and why), not an error. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    post: {
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
            'application/json': {
              data: {
                /** @description Whether Langfuse took the saved keys. */
                ok: boolean;
                /** @description What Langfuse answered; null when it could not be reached. */
                status_code: number | null;
                /** @description The Langfuse project the keys belong to. */
                project: {
                  id: string;
                  name: string;
                } | null;
                /** @description Why the check failed, in words. */
                error: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                checked_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the audit log
     * @description Admins only. Who did what and when: settings changes with their before and after, API keys created and revoked, webhooks created, changed, rotated and deleted, conversations anonymized, and the team’s events. Newest first. The log is append-only: no route changes or deletes an entry. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    get: {
      parameters: {
        query?: {
          /** @description An action (`webhook.created`), or a family without a dot (`webhook`: every `webhook.…` action). */
          action?: string;
          /** @description Entries of what this user did. */
          actor_user_id?: string;
          /** @description What the entries are about: `api_key`, `webhook`… */
          subject_type?: string;
          /**
           * @description First day, inclusive, in `tz` (`YYYY-MM-DD`).
           * @example 2026-11-01
           */
          from?: string;
          /**
           * @description Last day, inclusive, in `tz` (`YYYY-MM-DD`).
           * @example 2026-11-01
           */
          to?: string;
          /** @description IANA time zone the days are counted in; the organization's reporting time zone by default. */
          tz?: string;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                id: number;
                /** @description What was done, `<subject>.<verb>`: `settings.updated`, `api_key.revoked`… */
                action: string;
                /** @description Who did it. A user or key removed since is null with its id kept in `actor_user_id`/`actor_api_key_id`. */
                actor: {
                  /** @description `user`: in the dashboard; `api_key`: through the API with a key (its user is `user`); `system`: the command line or Plaudit itself. */
                  type: 'user' | 'api_key' | 'system';
                  user: {
                    /** Format: uuid */
                    id: string;
                    name: string | null;
                    email: string;
                  } | null;
                  api_key: {
                    id: number;
                    name: string | null;
                    prefix: string;
                  } | null;
                };
                /** Format: uuid */
                actor_user_id: string | null;
                actor_api_key_id: number | null;
                subject_type: string;
                subject_id: string;
                /** @description A name people know the subject by (a key’s name, a webhook’s URL, a user’s name). */
                subject_name: string | null;
                /** @description What changed. A change of settings or of a webhook holds `before` and `after` of the changed fields. */
                details: {
                  [key: string]: unknown;
                };
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/audit-log/actors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who appears in the audit log
     * @description Admins only. The users who did something the log records: the choices of its actor filter. Admins only: an agent is refused with 403 `forbidden_role`.
     */
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
            'application/json': {
              /** @description Everyone who appears as an actor in the log. */
              data: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The first-day checklist
     * @description Which first steps have happened, derived from the data: `api_key` (a key made after the organization’s first), `conversation` (one exists), `ratings` (the rating settings were saved with ratings on), `widget` (a widget token is live, or the popup was answered). With `public_url`, the base of the commands the dashboard shows.
     */
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
            'application/json': {
              data: {
                organization: {
                  id: number;
                  name: string;
                };
                /** @description This server as reached from outside (`PUBLIC_URL`). */
                public_url: string;
                steps: {
                  id: 'api_key' | 'conversation' | 'ratings' | 'widget';
                  done: boolean;
                  /**
                   * Format: date-time
                   * @example 2026-03-11T16:39:30.000Z
                   */
                  done_at: string | null;
                }[];
                /** @description Every step is done. */
                complete: boolean;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the agents
     * @description Every agent the organization named, newest first: put in with PUT, or named by a conversation (then without a name until someone gives it one). `q` finds part of the name or the email.
     */
    get: {
      parameters: {
        query?: {
          type?: 'human' | 'ai';
          /** @description Part of the name or email, any case (letters beyond ASCII match in their own case on SQLite). */
          q?: string;
          /** @description Page size. */
          limit?: number;
          /** @description The `next_cursor` of the previous page. */
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
            'application/json': {
              data: {
                /** Format: uuid */
                agent_id: string;
                type: ('human' | 'ai') | null;
                /** @description The agent's name; when the directory has none, the name of the dashboard user linked to the agent. Null for an agent nobody named yet. */
                name: string | null;
                email: string | null;
                avatar_url: string | null;
                /** @description AI agents only. */
                model: string | null;
                /** @description AI agents only. */
                description: string | null;
                /**
                 * Format: uuid
                 * @description The dashboard user who is this agent, if any.
                 */
                user_id: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
              }[];
              /** @description Pass as `cursor` to get the next page; null on the last page. */
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/agents/{agent_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an agent */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The agent's UUID, as conversations name it. */
          agent_id: string;
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
            'application/json': {
              data: {
                /** Format: uuid */
                agent_id: string;
                type: ('human' | 'ai') | null;
                /** @description The agent's name; when the directory has none, the name of the dashboard user linked to the agent. Null for an agent nobody named yet. */
                name: string | null;
                email: string | null;
                avatar_url: string | null;
                /** @description AI agents only. */
                model: string | null;
                /** @description AI agents only. */
                description: string | null;
                /**
                 * Format: uuid
                 * @description The dashboard user who is this agent, if any.
                 */
                user_id: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    /**
     * Say who an agent is
     * @description Creates the agent (201) or replaces what the directory says about it (200): an omitted field is cleared. `model` and `description` are for AI agents only. With `name` null, the name of the dashboard user linked to the agent stands in. Admins only. Admins only: an agent is refused with 403 `forbidden_role`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The agent's UUID, as conversations name it. */
          agent_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            type: 'human' | 'ai';
            name: string | null;
            /** Format: email */
            email?: string | null;
            /** @description An http(s) address of an image. */
            avatar_url?: string | null;
            /** @description AI agents only. */
            model?: string | null;
            /** @description AI agents only. */
            description?: string | null;
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
            'application/json': {
              data: {
                /** Format: uuid */
                agent_id: string;
                type: ('human' | 'ai') | null;
                /** @description The agent's name; when the directory has none, the name of the dashboard user linked to the agent. Null for an agent nobody named yet. */
                name: string | null;
                email: string | null;
                avatar_url: string | null;
                /** @description AI agents only. */
                model: string | null;
                /** @description AI agents only. */
                description: string | null;
                /**
                 * Format: uuid
                 * @description The dashboard user who is this agent, if any.
                 */
                user_id: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                agent_id: string;
                type: ('human' | 'ai') | null;
                /** @description The agent's name; when the directory has none, the name of the dashboard user linked to the agent. Null for an agent nobody named yet. */
                name: string | null;
                email: string | null;
                avatar_url: string | null;
                /** @description AI agents only. */
                model: string | null;
                /** @description AI agents only. */
                description: string | null;
                /**
                 * Format: uuid
                 * @description The dashboard user who is this agent, if any.
                 */
                user_id: string | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                updated_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/conversations/{id}/widget-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mint a widget token for a conversation
     * @description A token for the embeddable widget (`<script src=".../widget.js" data-plaudit-token="...">`). It allows exactly two things: answering the conversation's popup rating and giving feedback on its messages, on the `/widget/v1` routes. It is no API key: the native API refuses it.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The integer id (at most 9223372036854775807) or the UUID. */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Lifetime in hours; 24 when omitted. */
            expires_in_hours?: number;
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
            'application/json': {
              data: {
                token: string;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/invitations/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Show an invitation
     * @description By the token of its link, without a key: the email invited, the role, the organization and who invited. A link that no longer works: 404 `invitation_not_found`, or 410 `invitation_expired`, `invitation_accepted` or `invitation_revoked`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
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
            'application/json': {
              data: {
                email: string;
                /** @description `admin` sets the organization up (settings, keys, webhooks, the team); `agent` reads and rates. */
                role: 'admin' | 'agent';
                organization: {
                  name: string;
                };
                invited_by: {
                  name: string | null;
                  email: string;
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-03-11T16:39:30.000Z
                 */
                expires_at: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
  '/v1/invitations/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an invitation
     * @description Creates the user with this name and password and signs them in, as sign-in does (the answer sets the `plaudit_session` cookie). The password has at least 12 characters (400 `password_too_short`) and is not one of the 10,000 most common (400 `password_too_common`). A link works once.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
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
            'application/json': {
              data: {
                user: {
                  /** Format: uuid */
                  id: string;
                  email: string;
                  name: string | null;
                  role: 'admin' | 'agent';
                };
                organization: {
                  id: number;
                  name: string;
                  timezone: string;
                };
                /** @description Send it in the `x-csrf-token` header of every request that is not a GET or HEAD. */
                csrf_token: string;
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
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
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
    /** Error */
    ErrorBody: {
      error: {
        /** @description Stable, machine-readable code; see docs/errors.md. */
        code: string;
        /** @description What went wrong, in a sentence. */
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
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

import { Type } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';

export const LangfuseConnectionInput = Type.Object(
  {
    base_url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'The Langfuse host, e.g. `https://cloud.langfuse.com` or a self-hosted one.',
    }),
    public_key: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'The project’s public key (`pk-lf-…`): required to connect, left out to keep the saved one.',
      }),
    ),
    secret_key: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'The project’s secret key (`sk-lf-…`): required to connect, left out to keep the saved one.',
      }),
    ),
  },
  { additionalProperties: false },
);

const DeliveryError = Type.Object({
  attempted_at: DateTime,
  status_code: Nullable(Type.Integer()),
  error: Type.String(),
});

export const LangfuseConnection = Type.Object({
  base_url: Type.String(),
  public_key_masked: Type.String({ description: 'The public key’s start and end; the keys are never returned.' }),
  secret_key_set: Type.Boolean(),
  secret_key_readable: Type.Boolean({
    description: 'False when PLAUDIT_SECRET_KEY is unset or not the key the secret was saved with.',
  }),
  created_at: DateTime,
  updated_at: DateTime,
  delivery: Type.Object({
    state: Type.Union([Type.Literal('waiting'), Type.Literal('delivering'), Type.Literal('failing')], {
      description: '`waiting`: nothing sent yet; `delivering`: the latest attempt succeeded; `failing`: it failed.',
    }),
    pending: Type.Integer(),
    delivered: Type.Integer(),
    failed: Type.Integer(),
    last_attempt_at: Nullable(DateTime),
    last_delivered_at: Nullable(DateTime),
    recent_errors: Type.Array(DeliveryError, { description: 'The latest failed attempts, newest first.' }),
  }),
});

export const LangfuseConnectionCheck = Type.Object({
  ok: Type.Boolean({ description: 'Whether Langfuse took the saved keys.' }),
  status_code: Nullable(Type.Integer({ description: 'What Langfuse answered; null when it could not be reached.' })),
  project: Nullable(
    Type.Object(
      { id: Type.String(), name: Type.String() },
      { description: 'The Langfuse project the keys belong to.' },
    ),
  ),
  error: Nullable(Type.String({ description: 'Why the check failed, in words.' })),
  checked_at: DateTime,
});

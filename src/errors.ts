/**
 * Every error the application raises on purpose, by stable code. The code is the contract: clients branch on it, the
 * docs (docs/errors.md) list it, and each API surface renders it in its own shape with the status given here.
 */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_text: 400,
  body_too_deep: 400,
  invalid_cursor: 400,
  bad_request: 400,
  rating_settings_mismatch: 400,
  unknown_question_code: 400,
  unsupported_language: 400,
  unknown_text_key: 400,
  unknown_text_placeholder: 400,
  invalid_survey_rules: 400,
  reminder_after_expiry: 400,
  invalid_rating_value: 400,
  invalid_question_code: 400,
  invalid_question_definition: 400,
  question_not_offered: 400,
  unknown_reply: 400,
  no_agent: 400,
  invalid_timezone: 400,
  invalid_date_range: 400,
  invalid_comparison: 400,
  dimension_also_filtered: 400,
  webhook_url_refused: 400,
  langfuse_url_refused: 400,
  password_too_short: 400,
  password_too_common: 400,
  current_password_incorrect: 400,
  missing_api_key: 401,
  invalid_api_key: 401,
  invalid_credentials: 401,
  not_signed_in: 401,
  invalid_widget_token: 401,
  invalid_metrics_token: 401,
  insufficient_scope: 403,
  forbidden: 403,
  forbidden_role: 403,
  csrf_token_invalid: 403,
  cross_origin_request: 403,
  route_not_found: 404,
  conversation_not_found: 404,
  api_key_not_found: 404,
  organization_not_found: 404,
  user_not_found: 404,
  rating_not_found: 404,
  question_not_found: 404,
  message_not_found: 404,
  webhook_not_found: 404,
  webhook_delivery_not_found: 404,
  langfuse_connection_not_found: 404,
  topic_not_found: 404,
  review_not_found: 404,
  agent_not_found: 404,
  invitation_not_found: 404,
  method_not_allowed: 405,
  conversation_exists: 409,
  conversation_anonymized: 409,
  email_taken: 409,
  rating_cancelled: 409,
  rating_already_answered: 409,
  question_already_answered: 409,
  rating_popup_inactive: 409,
  survey_not_eligible: 409,
  invalid_review_transition: 409,
  last_admin: 409,
  user_deactivated: 409,
  agent_already_linked: 409,
  invitation_pending: 409,
  secret_key_unset: 409,
  question_code_taken: 409,
  question_kind_change: 409,
  question_archived: 409,
  question_in_use: 409,
  built_in_question: 409,
  rating_expired: 410,
  invitation_expired: 410,
  invitation_accepted: 410,
  invitation_revoked: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** An error with a stable code and a sentence a person can act on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

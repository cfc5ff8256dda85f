export type RedirectPolicy = 'high_ratings' | 'everyone' | 'off';

export interface RatingSettingsTable {
  org_id: number;
  conv_rating_active: boolean | number;
  conv_rating_popup_active: boolean | number;
  /** JSON array of question codes. */
  question_codes: unknown;
  /** Null: the default message in the page language. */
  invite_message: string | null;
  review_link: string | null;
  redirect_policy: RedirectPolicy;
  redirect_min_stars: number;
  invite_expiry_hours: number;
  /** Null: the conversation's language, then the rater's browser. */
  language: string | null;
  brand_name: string | null;
  logo_url: string | null;
  primary_color: string | null;
  updated_at: string;
}

/** One overridden text of an organization in one language. */
export interface RatingTextsTable {
  org_id: number;
  language: string;
  key: string;
  text: string;
  updated_at: string;
}

/** Who is asked, and when: the organization's rules for automatic surveys (see survey-rules.schemas.ts). */
export interface SurveyRulesTable {
  org_id: number;
  enabled: boolean | number;
  /** JSON array of channels; empty: every channel. */
  channels: unknown;
  /** JSON array of agent types; empty: every agent type. */
  agent_types: unknown;
  min_contact_messages: number;
  sample_percent: number;
  cooldown_days: number;
  reminder_after_hours: number | null;
  updated_at: string;
}

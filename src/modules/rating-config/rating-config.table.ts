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

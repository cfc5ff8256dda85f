/** The shapes the dashboard reads from the API (see /docs for the reference). */

export type AgentType = 'human' | 'ai';
export type Thumb = 'up' | 'down';
export type QuestionCode = 'HELPFUL_THUMBS' | 'EXPERIENCE_THUMBS' | 'CSAT' | 'STARS' | 'NPS';
export type QuestionKind = 'stars' | 'nps' | 'thumbs';

export type Role = 'admin' | 'agent';

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** The agent this user is, if any. */
  agent_id?: string | null;
}

/** An agent of the organization's directory. */
export interface DirectoryAgent {
  agent_id: string;
  type: AgentType | null;
  name: string | null;
  email: string | null;
  avatar_url: string | null;
  model: string | null;
  description: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A member of the organization, as `GET /v1/users` lists them. */
export interface TeamMember extends User {
  status: 'active' | 'deactivated';
  created_at: string;
  last_sign_in_at: string | null;
  deactivated_at: string | null;
  agent_id: string | null;
  /** The linked agent's name as everyone sees it (the directory's, else the member's). */
  agent_name: string | null;
}

export interface Invitation {
  id: number;
  email: string;
  role: Role;
  invited_by: { id: string; name: string | null; email: string } | null;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  created_at: string;
  expires_at: string;
}

export interface IssuedInvitation extends Invitation {
  link: string;
  email_sent: boolean;
}

/** What an invitation's link shows before it is accepted. */
export interface InvitationPreview {
  email: string;
  role: Role;
  organization: { name: string };
  invited_by: { name: string | null; email: string } | null;
  expires_at: string;
}

export interface Organization {
  id: number;
  name: string;
  timezone: string;
}

export interface Session {
  user: User;
  organization: Organization;
  csrf_token: string;
}

export interface InboxRating {
  uid: string;
  status: string;
  source: string;
  stars: number | null;
  nps: number | null;
  thumbs: Partial<Record<'HELPFUL_THUMBS' | 'EXPERIENCE_THUMBS', Thumb>>;
  comment: string | null;
  offered_at: string | null;
  submitted_at: string | null;
}

export interface InboxItem {
  id: number;
  uid: string;
  external_id: string | null;
  channel: string | null;
  status: 'open' | 'closed';
  contact_name: string | null;
  contact_email: string | null;
  agent_id: string | null;
  agent_type: AgentType | null;
  agent_name: string | null;
  created_at: string;
  closed_at: string | null;
  anonymized_at: string | null;
  message_count: number;
  last_message: { role: string; text: string | null } | null;
  rating: InboxRating | null;
  feedback: { likes: number; dislikes: number; comments: number };
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Conversation {
  id: number;
  uid: string;
  external_id: string | null;
  channel: string | null;
  status: 'open' | 'closed';
  contact_id: string;
  contact_name: string | null;
  contact_email: string | null;
  agent_id: string | null;
  agent_type: AgentType | null;
  agent_name: string | null;
  language: string | null;
  metadata: Record<string, unknown>;
  tags: string[];
  message_count: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  anonymized_at: string | null;
}

export interface Message {
  uid: string;
  conversation_id: number;
  role: 'user' | 'agent' | 'ai' | 'system';
  text: string | null;
  author_id: string | null;
  /** The model and prompt version that wrote an AI answer, its trace and span, and its own tags. */
  model: string | null;
  prompt_version: string | null;
  trace_id: string | null;
  span_id: string | null;
  tags: string[];
  created_at: string;
  my_feedback: { uid: string; rating: 'like' | 'dislike' | null; comment: string | null; created_at: string } | null;
  likes: number;
  dislikes: number;
  comments: number;
}

export interface FeedbackRecord {
  uid: string;
  user_id: string;
  /** The author's name: a teammate's, or the contact's. */
  author_name: string | null;
  rating: 'like' | 'dislike' | null;
  comment: string | null;
  created_at: string;
}

export interface RatingQuestion {
  /** A built-in code, or one of the organization's own questions. */
  code: QuestionCode | (string & {});
  kind: QuestionKind | 'csat' | 'ces' | 'choice' | 'text';
  status: 'Offered' | 'Rated' | 'Cancelled';
  /** Only a required question still waiting leaves the survey partly answered. */
  required: boolean;
  value: number | null;
  comment: string | null;
  /** The version of the organization's question it was asked in; null for built-ins. */
  version: number | null;
  /** Choice questions: the option ids chosen. */
  choices: string[] | null;
  /** The follow-up reasons chosen after a low answer. */
  reasons: string[] | null;
  /** Text questions: the answer. */
  text: string | null;
  offered_at: string;
  answered_at: string | null;
}

export interface Rating {
  id: number;
  uid: string;
  source: 'invite' | 'offer' | 'api' | 'popup';
  status: 'offered' | 'partially_rated' | 'rated' | 'cancelled' | 'expired';
  agent_id: string | null;
  agent_type: string | null;
  language: string | null;
  comment: string | null;
  questions: RatingQuestion[];
  expires_at: string | null;
  created_at: string;
  offered_at: string;
  opened_at: string | null;
  submitted_at: string | null;
  cancelled_at: string | null;
}

export type RedirectPolicy = 'high_ratings' | 'everyone' | 'off';
export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'da' | 'sv' | 'nb' | 'fi' | 'pl' | 'ja' | 'ar';

export interface RatingSettings {
  conv_rating_active: boolean;
  conv_rating_popup_active: boolean;
  conv_rating_question_codes: string[];
  invite_message: string | null;
  /** What invites say while `invite_message` is null: the organization's text of the page language, else built in. */
  invite_message_default: string;
  /** Plaudit's own invite text in the page language. */
  invite_message_builtin: string;
  review_link: string | null;
  redirect_policy: RedirectPolicy;
  redirect_min_stars: number;
  invite_expiry_hours: number;
  language: Language | null;
  brand_name: string | null;
  logo_url: string | null;
  primary_color: string | null;
  updated_at: string | null;
}

/** The writable part of the settings: the body of PATCH /v1/rating-settings and of the preview. */
export type RatingSettingsDraft = Omit<
  RatingSettings,
  'invite_message_default' | 'invite_message_builtin' | 'updated_at'
>;

export interface SettingsPreview {
  invite_text: string;
  link: string;
  settings?: unknown;
}

export interface SummaryFigures {
  csat: {
    score: number | null;
    responses: number;
    offered: number;
    response_rate: number | null;
    average: number | null;
    ci_low: number | null;
    ci_high: number | null;
    low_sample: boolean;
  };
  nps: {
    score: number | null;
    responses: number;
    promoters: number;
    passives: number;
    detractors: number;
    low_sample: boolean;
  };
  /** Customer effort, 1-7; absent from servers before it. */
  ces?: { average: number | null; responses: number; low_sample: boolean };
  thumbs: Record<string, { up: number; down: number; up_rate: number | null; low_sample: boolean }>;
  messages: { likes: number; dislikes: number; like_rate: number | null; low_sample: boolean };
}

export interface Summary extends SummaryFigures {
  from: string;
  to: string;
  tz: string;
  /** The same figures over the period of the same length just before `from`. */
  previous: SummaryFigures & { from: string; to: string };
}

export type Interval = 'day' | 'week' | 'month';
export type Metric = 'csat' | 'nps' | 'ces' | 'thumbs' | 'message_likes';

export interface SeriesPoint {
  /** First day of the period. */
  period: string;
  /** The days the point counts: the period, cut to the range. */
  from: string;
  to: string;
  value: number | null;
  /** This period's own responses. */
  responses: number;
  /** The period is under way, lies ahead, or the range cuts it. */
  partial: boolean;
  low_sample: boolean;
}

export interface AgentStats {
  agent_id: string;
  agent_type: AgentType | null;
  agent_name: string | null;
  csat: { score: number | null; responses: number; average: number | null };
  nps: { score: number | null; responses: number };
  ces?: { average: number | null; responses: number };
  thumbs: { up: number; down: number; up_rate: number | null };
  messages: { likes: number; dislikes: number; like_rate: number | null };
}

export interface FunnelFigures {
  offered: number;
  opened: number;
  answered: number;
  expired: number;
  cancelled: number;
  open_rate: number | null;
  response_rate: number | null;
}

export interface Funnel extends FunnelFigures {
  previous: FunnelFigures & { from: string; to: string };
}

export interface GapAnswer {
  code: string;
  /** The organization's own questions add csat (1-5) and ces (1-7). */
  kind: QuestionKind | 'csat' | 'ces';
  value: number;
  low: boolean;
  comment: string | null;
  answered_at: string;
}

export interface KnowledgeGaps {
  messages: Array<{
    message_uid: string;
    conversation_id: number;
    conversation_uid: string;
    text: string | null;
    agent_id: string | null;
    agent_type: AgentType;
    agent_name: string | null;
    likes: number;
    dislikes: number;
    comments: string[];
    last_feedback_at: string;
  }>;
  conversations: Array<{
    conversation_id: number;
    conversation_uid: string;
    rating_uid: string;
    agent_id: string | null;
    agent_type: AgentType | null;
    agent_name: string | null;
    question_code: string;
    value: number;
    comment: string | null;
    answered_at: string;
    questions: GapAnswer[];
  }>;
}

export interface TopicExample {
  message_uid: string;
  conversation_id: number;
  conversation_uid: string;
  text: string | null;
  disliked_at: string;
}

export interface Topic {
  id: number;
  label: string;
  terms: string[];
  size: number;
  answers: { disliked: number; liked: number; dislike_rate: number | null };
  ratings: { low: number; high: number; low_rate: number | null };
  trend: Array<{ period: string; count: number }>;
  examples: TopicExample[];
}

export interface TopicList {
  computation: { computed_at: string; documents: number } | null;
  interval: Interval;
  topics: Topic[];
}

export interface TopicMember {
  at: string;
  polarity: 'disliked' | 'liked' | 'low' | 'high';
  similarity: number;
  message_uid: string | null;
  text: string | null;
  rating_uid: string | null;
  comments: string[];
  conversation_id: number;
  conversation_uid: string;
}

export type VersionDimension = 'prompt_version' | 'model' | 'tag';
export type CompareMetric = 'message_likes' | 'csat' | 'thumbs';

/** A value of a version dimension answered in the range, with the answers each metric would compare. */
export interface VersionValue {
  value: string;
  answers: Record<CompareMetric, number>;
}

export interface ComparedSide {
  value: string;
  successes: number;
  total: number;
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  low_sample: boolean;
}

/** Two versions on one metric: `GET /v1/analytics/compare`. */
export interface VersionComparison {
  dimension: VersionDimension;
  metric: CompareMetric;
  from: string;
  to: string;
  tz: string;
  a: ComparedSide;
  b: ComparedSide;
  /** A − B in percentage points. */
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  excludes_zero: boolean;
  low_sample: boolean;
  verdict: 'a_higher' | 'b_higher' | 'no_clear_difference' | 'no_data';
  sentence: string;
}

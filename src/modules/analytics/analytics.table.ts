/** Dimensions of a rollup row; '' stands for an unknown agent, agent type or channel. */
export interface RollupDimensions {
  org_id: number;
  /** 0 every agent and channel, 1 per channel, 2 per agent, 3 per agent and channel; summed dimensions read '*'. */
  level: number;
  /** `YYYY-MM-DD` in the organization's reporting time zone. */
  day: string;
  agent_id: string;
  agent_type: string;
  channel: string;
}

/**
 * Per day and question code: the funnel counted on the day each question was offered (offered, opened, answered,
 * expired, cancelled) and the scores counted on the day it was answered (responses, value_sum and the high/mid/low
 * bands: stars 4-5/3/1-2, NPS 9-10/7-8/0-6, thumbs up/-/down).
 */
export interface RatingDaysTable extends RollupDimensions {
  question_code: string;
  offered: number;
  opened: number;
  answered: number;
  expired: number;
  cancelled: number;
  responses: number;
  value_sum: number;
  high: number;
  mid: number;
  low: number;
}

/** Per day: the current likes and dislikes of messages, counted on the day each was given. */
export interface MessageDaysTable extends RollupDimensions {
  likes: number;
  dislikes: number;
}

/** The rating rollups per version label (`dimension` and `value`), over every agent (level 0) and per agent (2). */
export interface RatingVersionDaysTable extends Omit<RatingDaysTable, 'channel'> {
  dimension: string;
  value: string;
}

/** The message-feedback rollups per version label, over every agent (level 0) and per agent (2). */
export interface MessageVersionDaysTable extends Omit<MessageDaysTable, 'channel'> {
  dimension: string;
  value: string;
}

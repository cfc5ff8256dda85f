import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.js';
import * as ratings from './0002_ratings.js';
import * as messageFeedback from './0003_message_feedback.js';
import * as insights from './0004_insights.js';
import * as webhooks from './0005_webhooks.js';
import * as widgetTokens from './0006_widget_tokens.js';
import * as requiredQuestions from './0007_required_questions.js';
import * as widgetDemo from './0008_widget_demo.js';
import * as expirySweep from './0009_expiry_sweep.js';
import * as search from './0010_search.js';
import * as agents from './0011_agents.js';
import * as team from './0012_team.js';
import * as admin from './0013_admin.js';
import * as topics from './0014_topics.js';
import * as reviews from './0015_reviews.js';
import * as versions from './0016_versions.js';
import * as langfuse from './0017_langfuse.js';
import * as texts from './0018_texts.js';
import * as questions from './0019_questions.js';
import * as surveyRules from './0020_survey_rules.js';

/** Every migration, in order. A released migration never changes; a change is a new one. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_ratings': ratings,
  '0003_message_feedback': messageFeedback,
  '0004_insights': insights,
  '0005_webhooks': webhooks,
  '0006_widget_tokens': widgetTokens,
  '0007_required_questions': requiredQuestions,
  '0008_widget_demo': widgetDemo,
  '0009_expiry_sweep': expirySweep,
  '0010_search': search,
  '0011_agents': agents,
  '0012_team': team,
  '0013_admin': admin,
  '0014_topics': topics,
  '0015_reviews': reviews,
  '0016_versions': versions,
  '0017_langfuse': langfuse,
  '0018_texts': texts,
  '0019_questions': questions,
  '0020_survey_rules': surveyRules,
};

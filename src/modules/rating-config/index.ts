export {
  DEFAULT_PRIMARY_COLOR,
  DEFAULT_QUESTION_CODES,
  inviteTemplate,
  RatingConfigService,
  type ResolvedSettings,
} from './rating-config.service.js';
export { ratingConfigRoutes } from './rating-config.routes.js';
export {
  AnyQuestionCodeSchema,
  LanguageSchema,
  QuestionCodeSchema,
  RatingSettings,
  RatingSettingsPatch,
  type StoredSettings,
} from './rating-config.schemas.js';
export type { RatingSettingsTable, RatingTextsTable, RedirectPolicy, SurveyRulesTable } from './rating-config.table.js';
export { DEFAULT_SURVEY_RULES, SurveyRulesService } from './survey-rules.service.js';
export { SurveyRules, SurveyRulesInput } from './survey-rules.schemas.js';
export {
  allQuestionKinds,
  isAnyQuestionKind,
  isLowAnswer,
  scaleRange,
  type AnyQuestionKind,
  isQuestionCode,
  isValidValue,
  kindOf,
  questionCatalog,
  questionCodes,
  questionKinds,
  valueRange,
  type QuestionCode,
  type QuestionKind,
} from './questions.js';
export { defaultInviteMessage, renderInviteText } from './invite-message.js';
export {
  acceptedLanguage,
  catalogues,
  fillText,
  isLanguage,
  languageInfo,
  languages,
  resolveLanguage,
  textsOf,
  vendorInviteLanguage,
  type Catalogue,
  type Language,
  type TextKey,
  type TextOverrides,
} from './locales/index.js';

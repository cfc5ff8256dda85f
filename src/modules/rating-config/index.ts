export {
  DEFAULT_PRIMARY_COLOR,
  DEFAULT_QUESTION_CODES,
  pageLanguage,
  RatingConfigService,
  type ResolvedSettings,
} from './rating-config.service.js';
export { ratingConfigRoutes } from './rating-config.routes.js';
export { LanguageSchema, QuestionCodeSchema, RatingSettings, RatingSettingsPatch } from './rating-config.schemas.js';
export type { RatingSettingsTable, RedirectPolicy } from './rating-config.table.js';
export {
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
export {
  defaultInviteMessage,
  isLanguage,
  languages,
  renderInviteText,
  supportedLanguage,
  type Language,
} from './invite-message.js';

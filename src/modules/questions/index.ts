export { QuestionsService, definitionOf, unknownCodes, type ResolvedQuestion } from './questions.service.js';
export { questionsRoutes } from './questions.routes.js';
export { Question, QuestionKindSchema } from './questions.schemas.js';
export type { QuestionsTable, QuestionVersionsTable } from './questions.table.js';
export {
  checkDefinition,
  textIn,
  type FollowUp,
  type QuestionDefinition,
  type QuestionOption,
  type Texts,
} from './questions.definition.js';

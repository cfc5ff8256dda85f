/** Ready-to-send messages of a rating for email, SMS and WhatsApp, and the WhatsApp replies they bring back. */
export { DeliverablesService, type CustomQuestionWording } from './deliverables.service.js';
export { deliverablesRoutes } from './deliverables.routes.js';
export {
  answerOfChoice,
  choicesOf,
  type Choice,
  type ChoiceKind,
  type ChoiceQuestion,
  type ChoiceWords,
} from './choices.js';

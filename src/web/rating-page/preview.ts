import {
  isQuestionCode,
  kindOf,
  resolveLanguage,
  type Language,
  type QuestionCode,
  type ResolvedSettings,
} from '../../modules/rating-config/index.js';
import type { FormQuestion } from './form.js';
import { textFor } from './i18n.js';
import { settingsContext } from './page-context.js';
import { contentSecurityPolicy, newNonce } from './security.js';
import { formPage } from './views.js';

const HOUR = 3_600_000;

/** A page code no rating can have (codes are at least 22 characters): the preview's form points nowhere real. */
const PREVIEW_CODE = 'preview';

export interface RatingPagePreview {
  html: string;
  language: Language;
  /**
   * The rating page's own policy, except that the dashboard (same origin) may frame it and the form may not be sent
   * anywhere at all.
   */
  contentSecurityPolicy: string;
}

/**
 * The rating page an invite would open under `settings`: the stars question, then the configured non-stars questions
 * (as `RatingsService.createInvite` asks them), in the settings' language, else the browser's.
 */
export function ratingPagePreview(settings: ResolvedSettings, acceptLanguage: string | undefined): RatingPagePreview {
  const lang = resolveLanguage({ organization: settings.language, acceptLanguage });
  const codes: QuestionCode[] = [
    'STARS',
    // The organization's own questions are previewed by the Settings designer, not here.
    ...settings.conv_rating_question_codes.filter(isQuestionCode).filter((code) => kindOf(code) !== 'stars'),
  ];
  const questions: FormQuestion[] = codes.map((code, index) => ({
    code,
    kind: kindOf(code),
    field: index === 0 ? 'stars' : code,
    required: index === 0,
  }));
  const nonce = newNonce();
  const html = formPage(
    {
      lang,
      text: textFor(lang, settings.texts),
      nonce,
      // The brand as the rating page shows it: the name, an https logo only, the accent colours.
      brand: settingsContext(settings).brand,
    },
    {
      code: PREVIEW_CODE,
      csrfToken: '',
      questions,
      values: { choices: {}, comment: '' },
      errors: {},
      answered: false,
      expiresAt: new Date(Date.now() + settings.invite_expiry_hours * HOUR).toISOString(),
    },
  ).toString();
  const policy = contentSecurityPolicy(nonce)
    .split('; ')
    .map((directive) => {
      if (directive.startsWith('form-action ')) return "form-action 'none'";
      if (directive.startsWith('frame-ancestors ')) return "frame-ancestors 'self'";
      return directive;
    })
    .join('; ');
  return { html, language: lang, contentSecurityPolicy: policy };
}

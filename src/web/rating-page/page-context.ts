import type { FastifyRequest } from 'fastify';
import {
  acceptedLanguage,
  DEFAULT_PRIMARY_COLOR,
  resolveLanguage,
  type Language,
  type ResolvedSettings,
} from '../../modules/rating-config/index.js';
import type { Rating } from '../../modules/ratings/index.js';
import { accentColors } from './colors.js';
import { textFor, type PageText } from './i18n.js';
import { cspOrigin } from './security.js';
import type { Branding } from './views.js';

/** A page's language, texts, brand, and the origins its form may be redirected to. */
export interface PageContext {
  lang: Language;
  text: PageText;
  brand: Branding;
  formTargets: string[];
}

function acceptLanguage(request: FastifyRequest): string | undefined {
  const header = request.headers['accept-language'];
  return Array.isArray(header) ? header.join(',') : header;
}

function httpsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The review link raters may be sent to, when the policy sends anyone there and the link is a web address. */
export function reviewLinkOf(settings: ResolvedSettings): string | null {
  if (settings.redirect_policy === 'off' || !settings.review_link) return null;
  return cspOrigin(settings.review_link) ? settings.review_link : null;
}

/**
 * The page of one rating: the organization's brand and texts, in the rating's (the conversation's) language, else the
 * organization's default, else the browser's.
 */
export function ratingContext(request: FastifyRequest, rating: Rating, settings: ResolvedSettings): PageContext {
  const lang = resolveLanguage({
    conversation: rating.language,
    organization: settings.language,
    acceptLanguage: acceptLanguage(request),
  });
  const review = settings.redirect_policy === 'high_ratings' ? reviewLinkOf(settings) : null;
  const origin = review ? cspOrigin(review) : undefined;
  return {
    lang,
    text: textFor(lang, settings.texts),
    brand: {
      name: settings.brand.name,
      logoUrl: httpsUrl(settings.brand.logoUrl),
      colors: accentColors(settings.brand.color, DEFAULT_PRIMARY_COLOR),
    },
    formTargets: origin ? [origin] : [],
  };
}

/** A page that belongs to no known rating: the browser's language, no brand. */
export function neutralContext(request: FastifyRequest): PageContext {
  const lang = acceptedLanguage(acceptLanguage(request)) ?? 'en';
  return {
    lang,
    text: textFor(lang),
    brand: { name: '', logoUrl: null, colors: accentColors(DEFAULT_PRIMARY_COLOR, DEFAULT_PRIMARY_COLOR) },
    formTargets: [],
  };
}

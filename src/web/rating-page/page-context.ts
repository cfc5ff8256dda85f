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

/** What a page takes from the organization's settings, whatever its language. */
interface SettingsContext {
  brand: Branding;
  formTargets: string[];
  reviewLink: string | null;
}

// Per settings object: the settings cache hands every page of an organization the same one while it is fresh, so the
// URLs are parsed and the colours worked out once.
const settingsContexts = new WeakMap<ResolvedSettings, SettingsContext>();

export function settingsContext(settings: ResolvedSettings): SettingsContext {
  let context = settingsContexts.get(settings);
  if (!context) {
    const reviewLink = reviewLinkOf(settings);
    const origin = settings.redirect_policy === 'high_ratings' && reviewLink ? cspOrigin(reviewLink) : undefined;
    context = {
      brand: {
        name: settings.brand.name,
        logoUrl: httpsUrl(settings.brand.logoUrl),
        colors: accentColors(settings.brand.color, DEFAULT_PRIMARY_COLOR),
      },
      formTargets: origin ? [origin] : [],
      reviewLink,
    };
    settingsContexts.set(settings, context);
  }
  return context;
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
  const { brand, formTargets } = settingsContext(settings);
  return { lang, text: textFor(lang, settings.texts), brand, formTargets };
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

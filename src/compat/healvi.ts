import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../http/auth.js';
import { useSurface } from '../http/errors.js';
import { DateTime, errorResponsesIn, IdOrUid, Nullable } from '../http/schemas.js';
import { RatingSettingsPatch, type StoredSettings } from '../modules/rating-config/index.js';
import type { Rating } from '../modules/ratings/index.js';
import type { Services } from '../services.js';

const tags = ['Healvi compatible'];
const PREFIX = '/third-party/v1';
const MAX_PER_PAGE = 100;

/** Healvi's (Laravel's) error body. */
export const HealviError = Type.Object({ message: Type.String() }, { title: 'HealviError' });

const errors = errorResponsesIn(HealviError, 'conversation_not_found', 'rating_not_found');

const HealviRating = Type.Object(
  {
    id: Type.Integer({ description: 'Internal ID.' }),
    code: Type.String({ description: 'Unique ID for URL generation.' }),
    stars: Nullable(Type.Integer({ description: 'The stars given (1-5); null until rated.' })),
    comment: Nullable(Type.String()),
    created_at: Nullable(DateTime),
    updated_at: Nullable(DateTime),
  },
  { title: 'HealviRating' },
);

/** Healvi's Rating: the survey's first stars question is its `stars`. */
function healviRating(rating: Rating) {
  return {
    id: rating.id,
    code: rating.code,
    stars: rating.questions.find((question) => question.kind === 'stars')?.value ?? null,
    comment: rating.comment,
    created_at: rating.created_at,
    updated_at: rating.updated_at,
  };
}

/** Healvi's general-settings fields that Plaudit has, and the native setting behind each. */
const settingFields = {
  rating_invite_message: 'invite_message',
  rating_external_link: 'review_link',
  custom_tenant_name: 'brand_name',
  logo_url: 'logo_url',
  primary_color: 'primary_color',
} as const satisfies Record<string, keyof StoredSettings>;

type HealviSettingField = keyof typeof settingFields;

const GeneralSettings = Type.Object(
  {
    rating_invite_message: Nullable(
      Type.String({ description: 'Template of the invite text; `{link}` stands for the link. Null: the default.' }),
    ),
    rating_external_link: Nullable(Type.String({ description: 'Public review page raters are sent to.' })),
    custom_tenant_name: Nullable(Type.String({ description: "Shown on the rating page; null: the organization's." })),
    logo_url: Nullable(Type.String()),
    primary_color: Nullable(Type.String({ description: 'A CSS hex colour, `#rgb` or `#rrggbb`.' })),
  },
  { title: 'HealviGeneralSettings' },
);

// The native fields' schemas, constraints and all. Other general settings of Healvi's may come along; they are
// ignored, as Plaudit has no such settings.
const GeneralSettingsPatch = Type.Object({
  rating_invite_message: RatingSettingsPatch.properties.invite_message,
  rating_external_link: RatingSettingsPatch.properties.review_link,
  custom_tenant_name: RatingSettingsPatch.properties.brand_name,
  logo_url: RatingSettingsPatch.properties.logo_url,
  primary_color: RatingSettingsPatch.properties.primary_color,
});

function generalSettings(settings: StoredSettings) {
  return {
    rating_invite_message: settings.invite_message,
    rating_external_link: settings.review_link,
    custom_tenant_name: settings.brand_name,
    logo_url: settings.logo_url,
    primary_color: settings.primary_color,
  };
}

const ListQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PER_PAGE, default: MAX_PER_PAGE })),
  only_rated: Type.Optional(
    Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')], {
      description: '`1`: only ratings with an answer.',
    }),
  ),
});

const PageLinks = Type.Object({
  first: Type.String(),
  last: Type.String(),
  prev: Nullable(Type.String()),
  next: Nullable(Type.String()),
});

const PageMeta = Type.Object({
  current_page: Type.Integer(),
  from: Nullable(Type.Integer()),
  to: Nullable(Type.Integer()),
  last_page: Type.Integer(),
  per_page: Type.Integer(),
  total: Type.Integer(),
  path: Type.String(),
});

/** The Healvi compatible surface: an adapter over the same services as the native API. */
export const healviRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  useSurface(app, 'healvi');
  const { ratings, ratingConfig } = services;
  // The public base URL, as the rating links carry it: PUBLIC_URL/r/{code}.
  const publicBase = ratings.linkOf('').slice(0, -'/r/'.length);

  app.post(
    `${PREFIX}/conversations/:id/invite-rating`,
    {
      schema: {
        tags,
        summary: 'Invite rating (Healvi)',
        description:
          'Answers the invite text (the template with `{link}` replaced), the link of the rating page and the ' +
          'rating. While an unexpired, unanswered invite exists for the conversation, that one is answered.',
        params: Type.Object({ id: IdOrUid }),
        response: {
          200: Type.Object({ data: Type.Object({ text: Type.String(), link: Type.String(), rating: HealviRating }) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { text, link, rating } = await ratings.createInvite(principalOf(request).orgId, request.params.id, {
        vendorLanguage: true,
      });
      return { data: { text, link, rating: healviRating(rating) } };
    },
  );

  app.get(
    `${PREFIX}/ratings`,
    {
      schema: {
        tags,
        summary: 'List ratings (Healvi)',
        description: 'Latest first, paginated by page number as Laravel does.',
        querystring: ListQuery,
        response: {
          200: Type.Object({ data: Type.Array(HealviRating), links: PageLinks, meta: PageMeta }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { page = 1, per_page: perPage = MAX_PER_PAGE } = request.query;
      const onlyRated = request.query.only_rated === '1' || request.query.only_rated === 'true';
      const { total, data } = await ratings.pageOfRatings(principalOf(request).orgId, { onlyRated, page, perPage });
      const lastPage = Math.max(1, Math.ceil(total / perPage));
      const path = `${publicBase}${PREFIX}/ratings`;
      const query = `${onlyRated ? 'only_rated=1&' : ''}per_page=${perPage}`;
      const urlOf = (n: number) => `${path}?${query}&page=${n}`;
      const from = data.length > 0 ? (page - 1) * perPage + 1 : null;
      return {
        data: data.map(healviRating),
        links: {
          first: urlOf(1),
          last: urlOf(lastPage),
          prev: page > 1 ? urlOf(page - 1) : null,
          next: page < lastPage ? urlOf(page + 1) : null,
        },
        meta: {
          current_page: page,
          from,
          to: from === null ? null : from + data.length - 1,
          last_page: lastPage,
          per_page: perPage,
          total,
          path,
        },
      };
    },
  );

  app.get(
    `${PREFIX}/ratings/:id`,
    {
      schema: {
        tags,
        summary: 'Get a rating (Healvi)',
        params: Type.Object({ id: IdOrUid }),
        response: { 200: Type.Object({ data: HealviRating }), ...errors },
      },
    },
    async (request) => ({
      data: healviRating(await ratings.getRating(principalOf(request).orgId, request.params.id)),
    }),
  );

  app.get(
    `${PREFIX}/settings/general`,
    {
      schema: {
        tags,
        summary: 'Get the general settings (Healvi)',
        description: "The rating fields of Healvi's general settings.",
        response: { 200: Type.Object({ data: GeneralSettings }), ...errors },
      },
    },
    async (request) => ({ data: generalSettings(await ratingConfig.getSettings(principalOf(request).orgId)) }),
  );

  app.patch(
    `${PREFIX}/settings/general`,
    {
      config: { role: 'admin' },
      schema: {
        tags,
        summary: 'Change the general settings (Healvi)',
        description:
          'Send any subset of the rating fields; null resets a field to its default. Other fields are ignored. ' +
          'Nothing changes unless every value is valid.',
        body: GeneralSettingsPatch,
        response: { 200: Type.Object({ data: GeneralSettings }), ...errors },
      },
    },
    async (request) => {
      const { orgId } = principalOf(request);
      const patch: Partial<Record<(typeof settingFields)[HealviSettingField], string | null>> = {};
      for (const [field, setting] of Object.entries(settingFields) as Array<[HealviSettingField, keyof typeof patch]>) {
        const value = request.body[field];
        if (value !== undefined) patch[setting] = value;
      }
      const settings =
        Object.keys(patch).length > 0
          ? await ratingConfig.updateSettings(orgId, patch, principalOf(request))
          : await ratingConfig.getSettings(orgId);
      return { data: generalSettings(settings) };
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { useSurface } from '../http/errors.js';
import type { Services } from '../services.js';

/** The Healvi compatible surface: an adapter over the same services as the native API. */
export const healviRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  useSurface(app, 'healvi');
};

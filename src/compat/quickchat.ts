import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { useSurface } from '../http/errors.js';
import type { Services } from '../services.js';

/** The Quickchat compatible surface: an adapter over the same services as the native API. */
export const quickchatRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  useSurface(app, 'quickchat');
};

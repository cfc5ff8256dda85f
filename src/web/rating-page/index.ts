import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Services } from '../../services.js';

/** The public rating page `/r/{code}`. */
export const ratingPageRoutes: FastifyPluginAsync<{ services: Services; config: Config }> = async () => {};

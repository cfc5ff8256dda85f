export { SetupService, SETUP_STEPS, type SetupState, type SetupStep, type SetupStepId } from './setup.service.js';
export { setupRoutes } from './setup.routes.js';

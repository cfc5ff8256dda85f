import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { SetupRepository } from './setup.repository.js';

export const SETUP_STEPS = ['api_key', 'conversation', 'ratings', 'widget'] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number];

export interface SetupStep {
  id: SetupStepId;
  done: boolean;
  /** When it happened, as far as the data tells. */
  done_at: string | null;
}

export interface SetupState {
  organization: { id: number; name: string };
  /** Where this server is reached from outside (PUBLIC_URL): the base of every command the checklist shows. */
  public_url: string;
  steps: SetupStep[];
  complete: boolean;
}

/**
 * The first-day checklist, derived from the data rather than stored, so a step ticks off the moment it has happened
 * whichever way it happened (dashboard, API, command line):
 * - `api_key`: a key made after the one the organization was created with;
 * - `conversation`: the organization has a conversation;
 * - `ratings`: the rating settings were saved with ratings on (they are on by default; the step asks to choose them);
 * - `widget`: a widget token is live, or someone answered the end-of-conversation popup.
 */
export class SetupService {
  private readonly repository: SetupRepository;

  constructor(
    database: Database,
    private readonly publicUrl: string,
  ) {
    this.repository = new SetupRepository(database.db);
  }

  async state(orgId: number): Promise<SetupState> {
    const organization = await this.repository.organization(orgId);
    if (!organization) throw new AppError('organization_not_found', `No organization ${orgId}.`);
    const [apiKey, conversation, ratings, widget] = await Promise.all([
      this.repository.ownKeyCreatedAt(orgId),
      this.repository.firstConversationAt(orgId),
      this.repository.ratingsOnSavedAt(orgId),
      this.repository.widgetUsedAt(orgId),
    ]);
    const times: Record<SetupStepId, string | undefined> = { api_key: apiKey, conversation, ratings, widget };
    const steps = SETUP_STEPS.map((id) => ({ id, done: times[id] !== undefined, done_at: times[id] ?? null }));
    return {
      organization: { id: Number(organization.id), name: organization.name },
      public_url: this.publicUrl.replace(/\/+$/, ''),
      steps,
      complete: steps.every((step) => step.done),
    };
  }
}

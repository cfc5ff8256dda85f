import { randomBytes, randomUUID } from 'node:crypto';
import type { Services } from '../../services.js';
import {
  channels,
  firstNames,
  languages,
  lastNames,
  messageComments,
  ratingComments,
  scripts,
} from './demo-content.js';

export interface DemoCredentials {
  organization: { id: number; name: string };
  email: string;
  password: string;
  apiKey: string;
  conversations: number;
}

/** A small deterministic generator, so that the demo looks the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
/** The model the demo's AI assistant runs on. */
const DEMO_MODEL = 'gpt-4o-mini';

/**
 * Creates the demo organization: an admin who can sign in and answers chats, two more human agents, an AI agent with
 * a name in the agents directory, and a few weeks of conversations on several channels. Everything goes through the same services as the API.
 */
export async function seedDemo(
  services: Services,
  options: { name?: string; conversations?: number; days?: number; now?: Date } = {},
): Promise<DemoCredentials> {
  const random = mulberry32(20_260_311);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const password = randomBytes(9).toString('base64url');
  const orgName = options.name ?? 'Northwind Outfitters (demo)';
  const suffix = randomBytes(3).toString('hex');
  const { organization, user, apiKey } = await services.accounts.createOrganization({
    name: orgName,
    adminEmail: `demo+${suffix}@plaudit.local`,
    adminName: 'Maja Lind',
    password,
  });

  // The admin, the team's lead, answers chats too: she is the first of the human agents.
  const agents: Array<{ id: string; type: 'human' | 'ai' }> = [{ id: user.id, type: 'human' }];
  for (const name of ['Jonas Berg', 'Omar Farouk']) {
    const { user: agent } = await services.accounts.createUser({
      orgId: organization.id,
      email: `${name.split(' ')[0]!.toLowerCase()}+${suffix}@plaudit.local`,
      name,
      role: 'agent',
    });
    agents.push({ id: agent.id, type: 'human' });
  }
  const aiAgent = { id: randomUUID(), type: 'ai' as const };

  const count = options.conversations ?? 240;
  const days = options.days ?? 28;
  const now = (options.now ?? new Date()).getTime();
  // One of the `count` is the widget demo's own conversation, made last (below).
  const conversations = Array.from({ length: Math.max(0, count - 1) }, (_, index) => {
    const script = pick(scripts);
    // Newer conversations are denser, as a growing product's would be.
    const age = Math.floor(days * DAY * random() ** 1.3);
    // Room for the whole exchange (at most ~3.5 minutes a turn), so that no message lies in the future.
    const start = now - age - script.turns.length * 200_000;
    const ai = random() < 0.55;
    const agent = ai ? aiAgent : pick(agents);
    const first = pick(firstNames);
    const name = `${first} ${pick(lastNames)}`;
    const order = String(100_000 + Math.floor(random() * 900_000));
    let at = start;
    // The assistant's prompt changed ten days ago: v13 answers since, v12 before.
    const version = { model: DEMO_MODEL, prompt_version: age < 10 * DAY ? 'v13' : 'v12' };
    const messages = script.turns.map((turn) => {
      at += 20_000 + Math.floor(random() * 180_000);
      return {
        role: turn.from === 'user' ? ('user' as const) : ai ? ('ai' as const) : ('agent' as const),
        text: turn.text.replaceAll('{name}', first).replaceAll('{order}', order),
        created_at: new Date(at).toISOString(),
        ...(turn.from === 'agent' && !ai ? { author_id: agent.id } : {}),
        ...(turn.from === 'agent' && ai ? version : {}),
      };
    });
    return {
      external_id: `demo-${String(index + 1).padStart(4, '0')}`,
      channel: pick(channels),
      status: age < DAY && random() < 0.5 ? ('open' as const) : ('closed' as const),
      contact_name: name,
      contact_email: `${first.toLowerCase()}.${index + 1}@example.com`,
      agent_id: agent.id,
      agent_type: agent.type,
      language: pick(languages),
      metadata: { topic: script.topic, order_id: order },
      created_at: new Date(start).toISOString(),
      messages,
    };
  });
  const imported = await services.conversations.importConversations(organization.id, { conversations });
  await seedFeedback(services, {
    orgId: organization.id,
    raters: agents.map((agent) => agent.id),
    conversations: imported.conversations.map((conversation, index) => ({
      ...conversation,
      ...conversations[index]!,
    })),
    random,
    now,
  });
  await seedWidgetDemo(services, organization.id, aiAgent.id);
  await nameDemoAgents(services, organization.id, agents, aiAgent.id);
  // The knowledge gaps by topic from the start, not after the server's first topic round.
  await services.topics.computeOrganization(organization.id);

  return {
    organization: { id: organization.id, name: organization.name },
    email: user.email,
    password,
    apiKey: apiKey.api_key,
    conversations: count,
  };
}

/**
 * The directory's names: the AI assistant is named in the directory; each teammate is linked to their dashboard user,
 * and the lead (the admin) has no directory name, so hers comes from her user.
 */
async function nameDemoAgents(
  services: Services,
  orgId: number,
  agents: Array<{ id: string }>,
  aiAgentId: string,
): Promise<void> {
  await services.agents.putAgent(orgId, aiAgentId, {
    type: 'ai',
    name: 'Nova (AI assistant)',
    model: DEMO_MODEL,
    description: 'Answers questions about orders, deliveries, returns and sizes, day and night.',
  });
  for (const [index, agent] of agents.entries()) {
    await services.agents.linkUser(orgId, agent.id, agent.id);
    if (index === 0) continue;
    const found = await services.accounts.findUser(agent.id);
    await services.agents.putAgent(orgId, agent.id, { type: 'human', name: found!.name, email: found!.email });
  }
}

/**
 * The conversation `/widget-demo` shows: an open AI chat with no rating yet, made for the page and marked as its
 * conversation. Only a marked conversation is ever shown there, so neither the imported history nor anything a
 * client adds to the organization later can appear on the page.
 */
async function seedWidgetDemo(services: Services, orgId: number, aiAgentId: string): Promise<void> {
  const order = '482913';
  const conversation = await services.conversations.createConversation(orgId, {
    external_id: 'demo-widget',
    channel: 'widget_chat',
    status: 'open',
    contact_name: 'Alex Rivera',
    contact_email: 'alex.rivera@example.com',
    agent_id: aiAgentId,
    agent_type: 'ai',
    language: 'en',
    metadata: { topic: 'order status', order_id: order },
    messages: scripts[0]!.turns.map((turn) => ({
      role: turn.from === 'user' ? ('user' as const) : ('ai' as const),
      text: turn.text.replaceAll('{name}', 'Alex').replaceAll('{order}', order),
    })),
  });
  await services.widget.markDemoConversation(orgId, String(conversation.id));
}

interface SeededConversation {
  id: number;
  uid: string;
  agent_type: 'human' | 'ai';
  status: 'open' | 'closed';
  messages: Array<{ role: string; created_at: string }>;
}

/**
 * Ratings and message feedback for the demo's closed conversations, given when they would have been: most contacts
 * are asked, about two in three answer within hours, some let the invite expire; people dislike some AI answers.
 * The AI agent rates a little lower than the humans, so that the dashboard has something to say.
 */
async function seedFeedback(
  services: Services,
  input: {
    orgId: number;
    raters: string[];
    conversations: SeededConversation[];
    random: () => number;
    now: number;
  },
): Promise<void> {
  const { orgId, random, now } = input;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  for (const conversation of input.conversations) {
    if (conversation.status !== 'closed' || random() < 0.2) continue;
    const ai = conversation.agent_type === 'ai';
    const ended = Date.parse(conversation.messages.at(-1)?.created_at ?? new Date(now).toISOString());
    const offeredAt = new Date(ended + 60_000).toISOString();
    const codes = ai ? ['HELPFUL_THUMBS', 'CSAT'] : ['CSAT', 'NPS'];
    const answeredAt = ended + between(2, 600) * 60_000;
    const answered = random() < 0.68 && answeredAt < now;
    const rating = await services.ratings.offerSurvey(orgId, String(conversation.id), {
      codes: codes as Array<'CSAT'>,
      offeredAt,
      // Unanswered invites ran out two days after the conversation; answered ones were answered in time.
      expiresAt: answered ? undefined : new Date(ended + 49 * 3_600_000).toISOString(),
    });
    if (answered) {
      const happy = random() < (ai ? 0.7 : 0.82);
      const stars = happy ? between(4, 5) : between(1, 3);
      const answers = codes.map((code) => ({
        code: code as 'CSAT',
        value: code === 'CSAT' ? stars : code === 'NPS' ? (happy ? between(7, 10) : between(0, 7)) : happy ? 1 : 0,
      }));
      await services.ratings.answerRating(orgId, rating.uid, {
        answers,
        // Unhappy raters say why more often than happy ones.
        comment: random() < (happy ? 0.35 : 0.75) ? pick(ratingComments[happy ? 'good' : 'bad']) : undefined,
        submittedAt: new Date(answeredAt).toISOString(),
      });
    } else if (random() < 0.5) {
      // Seen on the rating page, not answered.
      await services.ratings.openByCode(rating.code);
    }
    if (!ai || random() < 0.45) continue;
    const messages = await services.feedback.messagesWithFeedback(orgId, String(conversation.id), input.raters[0]!);
    for (const message of messages.filter((candidate) => candidate.role === 'ai')) {
      if (random() < 0.5) continue;
      // People like the new prompt's answers better.
      const liked = random() < (message.prompt_version === 'v13' ? 0.8 : 0.66);
      const target = await services.feedback.messageTarget(orgId, message.uid);
      const at = new Date(Math.min(now, Date.parse(message.created_at) + between(5, 3000) * 60_000)).toISOString();
      await services.feedback.recordMessageFeedback(
        target,
        pick(input.raters),
        {
          rating: liked ? 'like' : 'dislike',
          ...(random() < 0.4 ? { comment: pick(messageComments[liked ? 'good' : 'bad']) } : {}),
        },
        at,
      );
    }
  }
  // Invites that ran out count as expired at once, not at the server's first sweep.
  while ((await services.ratings.sweepExpired()) > 0);
}

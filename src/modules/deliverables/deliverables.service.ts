import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import {
  languageInfo,
  resolveLanguage,
  textsOf,
  type Language,
  type RatingConfigService,
} from '../rating-config/index.js';
import type { Rating, RatingQuestion, RatingsService } from '../ratings/index.js';
import { answerOfChoice, choicesOf, parseReplyId, replyIdOf, type ChoiceKind, type ChoiceQuestion } from './choices.js';
import type { Channel, Deliverable } from './deliverables.schemas.js';
import { surveyEmail } from './email.js';
import { smsLength } from './sms.js';
import { whatsappMessage } from './whatsapp.js';
import { messageWords, questionSentence } from './wording.js';

/**
 * What a custom question says in a language: its label and, for a `choice` question, its options. Given by the
 * questions module once custom questions exist; built-in questions are worded from the text catalogues.
 */
export type CustomQuestionWording = (
  db: Db | undefined,
  orgId: number,
  question: AskedQuestion,
  language: Language,
) => Promise<{ label: string; options?: Array<{ id: string; label: string }>; multiple?: boolean } | undefined>;

/** What a message needs of a question: its code, kind and whether it is still asked. */
type AskedQuestion = { code: string; kind: string; status: RatingQuestion['status']; version?: number | null };

/** What a message needs of a rating: the API's read model, or the rows a writing transaction holds. */
export interface DeliverableRating {
  id: number;
  uid: string;
  link: string;
  language: string | null;
  expires_at: string | null;
  questions: AskedQuestion[];
}

/** The ready-made messages a rating's invite events carry: the question they ask, and each channel's message. */
export type InviteDeliverables = Pick<Deliverable, 'language' | 'question'> &
  Required<Pick<Deliverable, 'email' | 'sms' | 'whatsapp'>>;

function formatDate(language: Language, iso: string): string {
  const format = new Intl.DateTimeFormat(languageInfo[language].locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${format.format(new Date(iso))} UTC`;
}

/** Refuses a rating that takes no more answers: withdrawn (409), or past its expiry (410). */
function checkOpen(rating: Pick<Rating, 'id' | 'status' | 'cancelled_at' | 'expires_at'>): void {
  if (rating.status === 'cancelled' || rating.cancelled_at !== null) {
    throw new AppError('rating_cancelled', `Rating ${rating.id} was cancelled; it takes no more answers.`);
  }
  if (rating.status === 'expired' || (rating.expires_at !== null && Date.parse(rating.expires_at) <= Date.now())) {
    throw new AppError('rating_expired', `Rating ${rating.id} expired at ${rating.expires_at}.`);
  }
}

/** The question a message asks: the survey's first one still asked. */
function firstQuestion(rating: DeliverableRating): AskedQuestion {
  const question = rating.questions.find((candidate) => candidate.status !== 'Cancelled');
  if (!question) throw new AppError('rating_cancelled', `Rating ${rating.id} asks no question any more.`);
  return question;
}

/**
 * Ready-to-send messages of a rating for the channels a platform sends itself (email, SMS, WhatsApp), and the
 * WhatsApp replies they bring back, recorded through the same answer path as every other surface.
 */
export class DeliverablesService {
  constructor(
    private readonly ratings: RatingsService,
    private readonly ratingConfig: RatingConfigService,
    private readonly customWording?: CustomQuestionWording,
  ) {}

  /** The message of one channel for a rating that still takes answers, in the rating's language. */
  async deliverable(orgId: number, idOrUid: string, channel: Channel): Promise<Deliverable> {
    const rating = await this.ratings.getRating(orgId, idOrUid);
    checkOpen(rating);
    return this.compose(undefined, orgId, rating, channel);
  }

  /**
   * The messages of every channel for an invite's webhook events (`rating.offered`, `rating.reminder_due`), read in
   * the writing transaction: the platform sends whichever it uses without asking again. None for a survey that asks
   * nothing any more.
   */
  async forInvite(db: Db, orgId: number, rating: DeliverableRating): Promise<{ deliverables?: InviteDeliverables }> {
    if (!rating.questions.some((question) => question.status !== 'Cancelled')) return {};
    const [email, sms, whatsapp] = await Promise.all(
      (['email', 'sms', 'whatsapp'] as const).map((channel) => this.compose(db, orgId, rating, channel)),
    );
    const deliverables: InviteDeliverables = {
      language: email!.language,
      question: email!.question,
      email: email!.email!,
      sms: sms!.sms!,
      whatsapp: whatsapp!.whatsapp!,
    };
    return { deliverables };
  }

  /** One channel's message; `db` is the writing transaction when there is one. */
  private async compose(
    db: Db | undefined,
    orgId: number,
    rating: DeliverableRating,
    channel: Channel,
  ): Promise<Deliverable> {
    const settings = await this.ratingConfig.resolvedSettings(orgId, db);
    const language = resolveLanguage({ conversation: rating.language, organization: settings.language });
    const t = textsOf(language, settings.texts);
    const brand = settings.brand.name;
    const asked = firstQuestion(rating);
    const { question, text } = await this.worded(db, orgId, asked, language, t, brand);
    const words = messageWords(t, brand, asked.code);
    const choices = choicesOf(question, words.choices).map((choice) => ({
      ...choice,
      link: `${rating.link}?answer=${encodeURIComponent(choice.value)}`,
      reply_id: replyIdOf(asked.code, choice.value),
    }));
    const base = {
      channel,
      rating_id: rating.id,
      rating_uid: rating.uid,
      language,
      link: rating.link,
      expires_at: rating.expires_at,
      question: {
        code: asked.code,
        kind: question.kind,
        text,
        choices: choices.map((choice) => ({ ...choice, description: choice.description ?? null })),
      },
    };
    switch (channel) {
      case 'email': {
        const logo =
          settings.brand.logoUrl && /^https:\/\//i.test(settings.brand.logoUrl) ? settings.brand.logoUrl : null;
        return {
          ...base,
          email: surveyEmail({
            lang: language,
            dir: languageInfo[language].dir,
            question: text,
            kind: question.kind,
            choices,
            link: rating.link,
            words,
            color: settings.brand.color,
            logoUrl: logo,
            validity: rating.expires_at ? words.validUntil(formatDate(language, rating.expires_at)) : null,
          }),
        };
      }
      case 'sms': {
        const sms = words.sms(rating.link);
        return { ...base, sms: { text: sms, ...smsLength(sms) } };
      }
      case 'whatsapp':
        return {
          ...base,
          whatsapp: whatsappMessage({
            question: text,
            choices,
            code: asked.code,
            link: rating.link,
            brand,
            linkLine: words.chatLink(rating.link),
            choose: words.choose,
            open: words.open,
          }),
        };
    }
  }

  /**
   * Records the WhatsApp button or row a contact chose: `CODE:value`, checked against the rating's questions and the
   * choices its message offered. The same reply again answers `recorded: false` and changes nothing.
   */
  async recordReply(orgId: number, idOrUid: string, replyId: string): Promise<{ rating: Rating; recorded: boolean }> {
    const rating = await this.ratings.getRating(orgId, idOrUid);
    const parsed = parseReplyId(replyId);
    const refuse = (why: string) =>
      new AppError('unknown_reply', `Reply "${replyId.slice(0, 80)}" is not one rating ${rating.id} offered: ${why}.`);
    if (!parsed) throw refuse('a reply id is a question code and a value, like STARS:4');
    const asked = rating.questions.find((question) => question.code === parsed.code);
    if (!asked) throw refuse(`it asks no question ${parsed.code}`);
    checkOpen(rating);
    const settings = await this.ratingConfig.resolvedSettings(orgId);
    const language = resolveLanguage({ conversation: rating.language, organization: settings.language });
    const t = textsOf(language, settings.texts);
    const { question } = await this.worded(undefined, orgId, asked, language, t, settings.brand.name);
    const choices = choicesOf(question, messageWords(t, settings.brand.name, asked.code).choices);
    if (!choices.some((choice) => choice.value === parsed.value)) {
      throw refuse(`${parsed.code} takes ${choices.map((choice) => choice.value).join(', ') || 'no reply'}`);
    }
    return this.ratings.answerChoice({ orgId, idOrUid: String(rating.id) }, answerOfChoice(question, parsed.value), {
      replaces: false,
      opens: false,
    });
  }

  /** A rating's question as the messages ask it: its kind, options, and the sentence the contact reads. */
  private async worded(
    db: Db | undefined,
    orgId: number,
    asked: AskedQuestion,
    language: Language,
    t: ReturnType<typeof textsOf>,
    brand: string,
  ): Promise<{ question: ChoiceQuestion; text: string }> {
    const kind = asked.kind as ChoiceKind;
    const custom = this.customWording ? await this.customWording(db, orgId, asked, language) : undefined;
    const question: ChoiceQuestion = { code: asked.code, kind, options: custom?.options, multiple: custom?.multiple };
    return { question, text: custom?.label ?? questionSentence(t, asked.code, kind, brand) };
  }
}

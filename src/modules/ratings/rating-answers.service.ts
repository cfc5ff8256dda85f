import type { Db } from '../../db/database.js';
import { sharedTransactions, type TransactionWork } from '../../db/shared-transaction.js';
import { acceptedTimestamp, fromJson, nowIso, recordRef } from '../../db/values.js';
import { AppError } from '../../errors.js';
import type { ConversationsService } from '../conversations/index.js';
import {
  isQuestionCode,
  type QuestionKind,
  type RatingConfigService,
  type ResolvedSettings,
} from '../rating-config/index.js';
import { askedDefinitions, storedAnswer, type AnswerValues } from './answer-values.js';
import { ratingNotFound, statusOfRows, type RatingRecords } from './rating-records.service.js';
import type { QuestionRow, RatingRef, RatingRow } from './ratings.repository.js';
import type { AnswerInput, Rating, RatingQuestion } from './ratings.types.js';
import { isExpired } from './survey-status.js';

export const MAX_COMMENT_LENGTH = 2000;

function checkComment(comment: string | null | undefined): void {
  // Characters as people (and the schema validator) count them: code points, not UTF-16 units.
  if (comment && [...comment].length > MAX_COMMENT_LENGTH) {
    throw new AppError('validation_failed', `The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
  }
}

/** An answer matched to the question it answers, with the comment that question keeps (undefined: unchanged). */
interface MatchedAnswer extends AnswerValues {
  question: QuestionRow;
  comment?: string | null;
}

/** How one surface's answers find their questions; a refusal names the survey as that surface does. */
type Matcher = (questions: QuestionRow[]) => MatchedAnswer[];

/** Matches answers to the survey's questions by code; `unknown` says what an answer to no question of it is. */
function byCode(
  answers: AnswerInput[],
  comment: (question: QuestionRow) => string | null | undefined,
  unknown: (code: string) => string,
): Matcher {
  return (questions) =>
    answers.map(({ code, comment: own, ...values }) => {
      const question = questions.find((candidate) => candidate.code === code);
      if (!question) throw new AppError('question_not_offered', unknown(code));
      // An answer's own comment (a follow-up's) is its question's; else the question keeps what the surface gives it.
      return { question, ...values, comment: own !== undefined ? own : comment(question) };
    });
}

/** The rating behind a page's code, as read under its lock, with its organization's settings. */
export interface PageRating {
  rating: Rating;
  orgId: number;
  settings: ResolvedSettings;
}

/** What a posted page form answers: its answers by question code, and the comment. */
export interface PageAnswers {
  answers: AnswerInput[];
  comment: string | null;
}

/** Answering surveys: the native API, Dixa's results, the public rating page and the widget's popup. */
export class RatingAnswers {
  /**
   * Runs an answer's transaction: on SQLite it shares one commit with the answers of the same turn, each in a savepoint
   * of its own, and resolves once that commit is done (db/shared-transaction.ts).
   */
  private readonly inTransaction: <R>(work: TransactionWork<R>) => Promise<R>;

  constructor(
    private readonly records: RatingRecords,
    private readonly conversations: ConversationsService,
    private readonly ratingConfig: RatingConfigService,
  ) {
    this.inTransaction = sharedTransactions(records.database);
  }

  /** Records answers to questions of a survey, by question code (the native API). */
  async answerRating(
    orgId: number,
    ratingIdOrUid: string,
    input: { answers: AnswerInput[]; comment?: string | null; submittedAt?: string },
  ): Promise<Rating> {
    const { records } = this;
    const ref = recordRef(ratingIdOrUid);
    const row = ref && (await records.repository.findRating(orgId, ref));
    if (!row) throw ratingNotFound(ratingIdOrUid);
    const at = acceptedTimestamp(input.submittedAt, 'body.submitted_at') ?? nowIso();
    // The comment belongs to the survey and to the answers it came with, so per-question readers (Dixa) see it.
    const match = byCode(
      input.answers,
      () => input.comment,
      (code) => `Rating ${row.id} has no question ${code}.`,
    );
    const rating = await this.inTransaction((trx) =>
      this.answerIn(trx, orgId, { id: Number(row.id) }, match, input.comment, at),
    );
    if (!rating) throw ratingNotFound(ratingIdOrUid);
    return rating;
  }

  /**
   * Records the result of one question kind of a survey, as Dixa submits it: the survey's question of that kind that
   * still waits for an answer, else the answered one (the answer changes).
   */
  async submitResult(
    orgId: number,
    conversationIdOrUid: string,
    ratingUid: string,
    input: { kind: QuestionKind; value: number; comment?: string; submittedAt?: string },
  ): Promise<{ rating: Rating; question: RatingQuestion }> {
    const { records } = this;
    const ref = /^[0-9a-f-]{36}$/i.test(ratingUid) ? { uid: ratingUid.toLowerCase() } : undefined;
    const conversationRef = recordRef(conversationIdOrUid);
    // The rating, read under its lock, names its conversation: the conversation is looked up only to say what is
    // missing when the rating is not on it.
    const onConversation = (row: RatingRow) =>
      conversationRef !== undefined &&
      ('id' in conversationRef
        ? Number(row.conversation_id) === conversationRef.id
        : row.conversation_uid === conversationRef.uid);
    const notFound = async () => {
      const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
      return new AppError('rating_not_found', `No rating ${ratingUid} on conversation ${conversation.id}.`);
    };
    let at: string;
    try {
      at = acceptedTimestamp(input.submittedAt, 'submittedAt') ?? nowIso();
    } catch (error) {
      // What is missing is said before what is wrong with the body, as before the rating was read in its transaction.
      const row = ref && (await records.repository.findRating(orgId, ref));
      if (!row || !onConversation(row)) throw await notFound();
      throw error;
    }
    let code: string | undefined;
    const match: Matcher = (questions) => {
      const ofKind = questions.filter((question) => question.kind === input.kind && isQuestionCode(question.code));
      const question = ofKind.find((candidate) => candidate.status === 'Offered') ?? ofKind[0];
      if (!question) {
        throw new AppError('question_not_offered', `Rating ${ratingUid} offered no ${input.kind} question.`);
      }
      code = question.code;
      return [{ question, value: input.value, comment: input.comment }];
    };
    let rating: Rating | undefined;
    try {
      rating =
        ref &&
        (await this.inTransaction((trx) =>
          this.answerIn(trx, orgId, ref, match, input.comment, at, { accept: onConversation }),
        ));
    } catch (error) {
      if (!(error instanceof NotThisRating)) throw error;
    }
    if (!rating) throw await notFound();
    return { rating, question: rating.questions.find((question) => question.code === code)! };
  }

  /**
   * Stores the widget popup's answers as the conversation's popup survey: its open one, else a new one of `codes`, all
   * optional (any answer completes it). The survey is created in the same transaction as the answers, so a refused
   * answer leaves no survey, count or event behind.
   */
  async answerPopup(
    orgId: number,
    conversationIdOrUid: string,
    input: { codes: string[]; answers: AnswerInput[]; comment?: string | null },
  ): Promise<Rating> {
    const { records } = this;
    const conversation = await this.conversations.findConversation(orgId, conversationIdOrUid);
    const now = nowIso();
    const match = byCode(
      input.answers,
      () => input.comment,
      (code) => `The popup does not ask ${code}.`,
    );
    const rating = await this.inTransaction(async (trx) => {
      await records.repository.lockConversation(trx, conversation.id);
      const open = await records.repository.findOpenSurvey(trx, conversation.id, now, 'popup');
      const ratingId = open
        ? Number(open.id)
        : await records.insertSurvey(trx, {
            orgId,
            conversation,
            questions: await records.askedOf(orgId, input.codes, () => false, { strict: false, db: trx }),
            source: 'popup',
            at: now,
            expiresAt: null,
          });
      return this.answerIn(trx, orgId, { id: ratingId }, match, input.comment, now);
    });
    return rating!;
  }

  /** The rating behind a public page code, with its organization's settings, as it is: nothing is recorded. */
  async findByCode(code: string): Promise<{ rating: Rating; orgId: number; settings: ResolvedSettings } | undefined> {
    const row = await this.records.repository.findRatingByCode(code);
    if (!row) return undefined;
    return this.withSettings(row);
  }

  /**
   * The rating behind a public page code, with its organization's settings; marks it opened while it takes answers
   * (a page shown as expired or withdrawn opens nothing).
   */
  async openByCode(code: string): Promise<{ rating: Rating; orgId: number; settings: ResolvedSettings } | undefined> {
    const { records } = this;
    const row = await records.repository.findRatingByCode(code);
    if (!row) return undefined;
    if (!row.opened_at && takesAnswers(row, nowIso())) {
      const id = Number(row.id);
      // Under the rating's lock, so that two pages opened at once count one opening.
      row.opened_at = await records.database.db.transaction().execute((trx) =>
        records.changeRating(trx, Number(row.org_id), id, async (current) => {
          const now = nowIso();
          if (current.opened_at !== null || !takesAnswers(current, now)) return current.opened_at;
          await records.repository.markOpened(trx, id, now);
          return now;
        }),
      );
    }
    return this.withSettings(row);
  }

  /**
   * Records the rater's answers from the public page, on one locked read: the rating behind the code is read under its
   * lock, with its organization's settings, and `decide` works out from that state what the posted form answers, or
   * refuses it (a closed rating, a form to show again) with a value of its own, and nothing is written. An answer
   * opens the rating, if the page was not recorded as opened; the rater may change the answers until the rating
   * expires. Answers to questions the survey does not ask are refused. Undefined when no rating has the code.
   */
  async answerPage<T>(
    code: string,
    decide: (found: PageRating, db: Db) => Promise<PageAnswers | { refused: T }>,
  ): Promise<{ answered: Rating; found: PageRating } | { refused: T } | undefined> {
    const { records } = this;
    return this.inTransaction(async (trx) => {
      const row = await records.repository.findRatingByCodeForUpdate(trx, code);
      if (!row) return undefined;
      const orgId = Number(row.org_id);
      const questions = await records.repository.questionsOf(trx, [Number(row.id)]);
      const found: PageRating = {
        rating: records.toRating(row, questions, nowIso()),
        orgId,
        settings: await this.ratingConfig.resolvedSettingsIn(orgId, trx),
      };
      const decision = await decide(found, trx);
      if ('refused' in decision) return decision;
      const match = byCode(
        decision.answers,
        // The page's comment is the survey's, and its stars question's.
        (question) => (question.kind === 'stars' ? decision.comment : undefined),
        (questionCode) => `This rating has no question ${questionCode}.`,
      );
      const answered = await this.answerIn(trx, orgId, { id: Number(row.id) }, match, decision.comment, nowIso(), {
        opens: true,
        locked: { row, questions },
      });
      return { answered: answered!, found };
    });
  }

  /**
   * Records one answer a contact chose in a message, once: an email's answer link (by the page's code, opening the
   * rating; `replaces` lets another answer replace the recorded one, as the page does) or a WhatsApp reply (by id; a
   * different answer to an answered question is refused with `question_already_answered`). The same answer again
   * writes nothing and answers `recorded: false`: a reloaded page or a redelivered webhook counts once.
   */
  async answerChoice(
    target: { code: string } | { orgId: number; idOrUid: string },
    answer: AnswerInput,
    options: { replaces: boolean; opens: boolean },
  ): Promise<{ rating: Rating; recorded: boolean }> {
    const { records } = this;
    let row: RatingRow | undefined;
    if ('code' in target) {
      row = await records.repository.findRatingByCode(target.code);
      if (!row) throw new AppError('rating_not_found', 'No rating with this link.');
    } else {
      const ref = recordRef(target.idOrUid);
      row = ref && (await records.repository.findRating(target.orgId, ref));
      if (!row) throw ratingNotFound(target.idOrUid);
    }
    const orgId = Number(row.org_id);
    const id = Number(row.id);
    let recorded = false;
    const match: Matcher = (questions) => {
      const question = questions.find((candidate) => candidate.code === answer.code);
      if (!question) throw new AppError('question_not_offered', `Rating ${id} has no question ${answer.code}.`);
      // A scale's answer is its value; a choice question's, the option it chose.
      const current =
        answer.choices !== undefined
          ? (fromJson<string[] | null>(question.choices, null) ?? []).join(',')
          : question.value === null
            ? null
            : Number(question.value);
      const chosen = answer.choices !== undefined ? answer.choices.join(',') : answer.value;
      if (question.status === 'Rated' && current === chosen) return [];
      if (question.status === 'Rated' && !options.replaces) {
        throw new AppError(
          'question_already_answered',
          `Question ${answer.code} of rating ${id} is already answered (${current}); a reply does not change it.`,
        );
      }
      recorded = true;
      return [answer.choices !== undefined ? { question, choices: answer.choices } : { question, value: answer.value }];
    };
    await this.inTransaction((trx) =>
      this.answerIn(trx, orgId, { id }, match, undefined, nowIso(), { opens: options.opens }),
    );
    return { rating: (await records.load(records.database.db, orgId, { id }))!, recorded };
  }

  private async withSettings(row: RatingRow) {
    const orgId = Number(row.org_id);
    const [[rating], settings] = await Promise.all([
      this.records.withQuestions([row]),
      this.ratingConfig.resolvedSettings(orgId),
    ]);
    return { rating: rating!, orgId, settings };
  }

  /**
   * Applies answers to one rating inside `trx`, under its lock and on its current state: every answer is checked
   * before any is written, and a refusal throws, so the transaction leaves nothing behind. Answers the rating as the
   * answers left it; undefined when the organization has no such rating. A rating `accept` refuses throws
   * `NotThisRating` before anything is written.
   */
  private async answerIn(
    trx: Db,
    orgId: number,
    ref: RatingRef,
    match: Matcher,
    comment: string | null | undefined,
    at: string,
    options: {
      opens?: boolean;
      accept?: (row: RatingRow) => boolean;
      /** The rating and its questions as the caller read them under the lock in `trx`: not read again. */
      locked?: { row: RatingRow; questions: QuestionRow[] };
    } = {},
  ): Promise<Rating | undefined> {
    const edited = await this.records.editRating(
      trx,
      orgId,
      ref,
      async (edit) => {
        const { row, questions } = edit;
        if (options.accept && !options.accept(row)) throw new NotThisRating();
        const now = nowIso();
        const answers = match(questions);
        if (row.cancelled_at !== null || row.status === 'cancelled') {
          throw new AppError('rating_cancelled', `Rating ${row.id} was cancelled; it takes no more answers.`);
        }
        if (isExpired(row, now)) throw new AppError('rating_expired', `Rating ${row.id} expired at ${row.expires_at}.`);
        checkComment(comment);
        // Each answer checked against what its question was asked as (answer-values.ts): the columns it writes.
        const definitions = await askedDefinitions(this.records.questions, trx, orgId, questions);
        const stored = answers.map((answer) => storedAnswer(answer.question, answer, definitions));
        for (const { question, comment: questionComment } of answers) {
          if (questionComment) checkComment(questionComment);
          if (question.status === 'Cancelled') {
            throw new AppError('rating_cancelled', `Question ${question.code} of rating ${row.id} was cancelled.`);
          }
        }
        // The same answer again (an answer link reloaded, a reply redelivered): nothing to write, nothing to count.
        if (answers.length === 0) return;
        for (const [index, { question, comment: questionComment }] of answers.entries()) {
          await edit.updateQuestion(question, {
            status: 'Rated',
            ...stored[index]!,
            answered_at: at,
            updated_at: now,
            ...(questionComment !== undefined ? { comment: questionComment || null } : {}),
          });
        }
        await edit.updateRating({
          status: statusOfRows(questions, false),
          submitted_at: at,
          updated_at: now,
          ...(comment !== undefined ? { comment: comment || null } : {}),
        });
        // Every surface's comment arrives here: the inbox search finds it from this commit on.
        if (comment !== undefined) {
          await this.records.search.saveRatingComment(trx, {
            orgId,
            conversationId: Number(row.conversation_id),
            ratingId: Number(row.id),
            comment: comment || null,
          });
        }
        // Inside the tracked change, so that the rollups count the opening with the answer.
        if (options.opens) await edit.markOpened(at);
      },
      options.locked,
    );
    return edited?.rating;
  }
}

/** Thrown inside an answer's transaction for a rating its surface does not address: nothing was written. */
class NotThisRating extends Error {}

/** Whether a rating still takes answers: neither cancelled nor expired. */
function takesAnswers(row: RatingRow, now: string): boolean {
  return row.cancelled_at === null && row.status !== 'cancelled' && !isExpired(row, now);
}

import type { EventType } from '../api/admin-types';

/** The events a webhook can subscribe to, in people's words. */
export const EVENT_TYPES: Array<{ value: EventType; label: string; hint: string }> = [
  { value: 'rating.submitted', label: 'Rating submitted', hint: 'A customer answered a rating question.' },
  { value: 'rating.offered', label: 'Rating offered', hint: 'A rating was offered to a customer.' },
  { value: 'rating.cancelled', label: 'Rating cancelled', hint: 'An offered rating was withdrawn.' },
  { value: 'rating.expired', label: 'Rating expired', hint: 'Nobody answered before it expired.' },
  {
    value: 'rating.reminder_due',
    label: 'Reminder due',
    hint: 'An invite is still unanswered after the hours the survey rules set: time to send it again.',
  },
  { value: 'feedback.created', label: 'Message feedback', hint: 'A like, dislike or comment on a message.' },
  {
    value: 'conversation.anonymized',
    label: 'Conversation anonymized',
    hint: 'The contact’s data was removed from a conversation.',
  },
  {
    value: 'review.updated',
    label: 'Review queue',
    hint: 'A bad AI answer entered the review queue, came back to it, or was worked on.',
  },
];

export function eventLabel(type: string): string {
  if (type === 'ping') return 'Test event';
  return EVENT_TYPES.find((event) => event.value === type)?.label ?? type;
}

/** Scripts of realistic support conversations for the demo organization. `{name}` is the contact's first name. */
export interface Script {
  topic: string;
  turns: Array<{ from: 'user' | 'agent'; text: string }>;
}

export const scripts: Script[] = [
  {
    topic: 'order status',
    turns: [
      { from: 'user', text: 'Hi, my order #{order} was supposed to arrive yesterday and it still says "in transit".' },
      {
        from: 'agent',
        text: 'Hi {name}, sorry about the wait. I checked #{order}: the carrier scanned it at the local depot this morning, so it should reach you today or tomorrow.',
      },
      { from: 'user', text: 'OK. Can I get the tracking link?' },
      {
        from: 'agent',
        text: 'Of course: https://track.example.com/{order}. I have also set an alert so we hear if it stalls again.',
      },
      { from: 'user', text: 'Great, thanks!' },
    ],
  },
  {
    topic: 'refund',
    turns: [
      { from: 'user', text: 'I returned a jacket two weeks ago and I still have not been refunded.' },
      {
        from: 'agent',
        text: 'Thanks for reaching out, {name}. The return arrived on Monday; refunds take 5-7 business days after that. It is on its way to your card.',
      },
      { from: 'user', text: 'Two weeks is a long time. Can you speed it up?' },
      {
        from: 'agent',
        text: 'I have flagged it for priority processing. You will get an email with the refund confirmation within 48 hours.',
      },
    ],
  },
  {
    topic: 'password reset',
    turns: [
      { from: 'user', text: 'I cannot log in, the reset email never arrives.' },
      {
        from: 'agent',
        text: 'Let us fix that. Could you check your spam folder for a message from accounts@example.com?',
      },
      { from: 'user', text: 'Found it in spam. It worked, thank you.' },
      { from: 'agent', text: 'Glad to hear it! Marking the address as safe will keep future emails in your inbox.' },
    ],
  },
  {
    topic: 'sizing',
    turns: [
      { from: 'user', text: 'Do the trail shoes run small? I am usually a 42.' },
      { from: 'agent', text: 'They run about half a size small, so most customers who wear a 42 take a 42.5.' },
      { from: 'user', text: 'And if they do not fit I can exchange them?' },
      {
        from: 'agent',
        text: 'Yes, exchanges are free within 30 days, and we send the new pair as soon as the return is scanned.',
      },
    ],
  },
  {
    topic: 'invoice',
    turns: [
      { from: 'user', text: 'The invoice for my last order shows the wrong company name.' },
      { from: 'agent', text: 'I can correct that. What name and VAT number should appear on it?' },
      { from: 'user', text: 'Fjord Analytics AS, VAT NO 912 345 678.' },
      { from: 'agent', text: 'Done: the corrected invoice is in your account under Orders, and I emailed you a copy.' },
    ],
  },
  {
    topic: 'cancel subscription',
    turns: [
      { from: 'user', text: 'How do I cancel my monthly gear box subscription?' },
      {
        from: 'agent',
        text: 'You can cancel any time under Account > Subscriptions. Would you like me to do it for you now?',
      },
      { from: 'user', text: 'Yes please, and make sure I am not charged again.' },
      { from: 'agent', text: 'Cancelled. Your last box ships this week and no further charges will be made.' },
    ],
  },
  {
    topic: 'damaged item',
    turns: [
      { from: 'user', text: 'The tent I received has a torn rain fly.' },
      { from: 'agent', text: 'I am sorry, {name}. Could you send a photo of the tear?' },
      { from: 'user', text: 'Sent it by email just now.' },
      {
        from: 'agent',
        text: 'Thanks, got it. A replacement rain fly ships today at no cost; no need to return the old one.',
      },
    ],
  },
  {
    topic: 'wrong answer',
    turns: [
      { from: 'user', text: 'What is your return window for sale items?' },
      { from: 'agent', text: 'Sale items can be returned within 60 days.' },
      { from: 'user', text: 'The website says 14 days for sale items. Which is it?' },
      {
        from: 'agent',
        text: 'You are right, I apologise: sale items have a 14-day return window. Full-price items have 30 days.',
      },
    ],
  },
  {
    topic: 'delivery address',
    turns: [
      { from: 'user', text: 'I need to change the delivery address of an order I placed an hour ago.' },
      { from: 'agent', text: 'The order has not been packed yet, so I can change it. What is the new address?' },
      { from: 'user', text: 'Storgata 12, 0155 Oslo.' },
      { from: 'agent', text: 'Updated. You will receive a new confirmation email with the corrected address.' },
    ],
  },
  {
    topic: 'payment failed',
    turns: [
      { from: 'user', text: 'My card keeps getting declined at checkout.' },
      {
        from: 'agent',
        text: 'Sometimes banks block the first online purchase with a new shop. Did your bank app ask you to approve the payment?',
      },
      { from: 'user', text: 'No notification at all.' },
      {
        from: 'agent',
        text: 'Then I suggest trying PayPal or Klarna at checkout, or calling your bank to allow the payment. Your cart is saved.',
      },
      { from: 'user', text: 'That is not very helpful, I just want to pay with my card.' },
    ],
  },
];

export const firstNames = [
  'Ingrid',
  'Lars',
  'Amara',
  'Tomás',
  'Yuki',
  'Priya',
  'Jonas',
  'Chloé',
  'Mateo',
  'Aisha',
  'Noah',
  'Freya',
  'Kenji',
  'Olivia',
  'Rafael',
  'Sofia',
  'Emeka',
  'Hannah',
  'Luca',
  'Mei',
];

export const lastNames = [
  'Berg',
  'Okafor',
  'Silva',
  'Tanaka',
  'Müller',
  'Nguyen',
  'Haddad',
  'Kowalski',
  'Dubois',
  'Hansen',
];

export const channels = ['widget_chat', 'widget_chat', 'widget_chat', 'email', 'whatsapp', 'phone', 'sms'];

export const languages = ['en', 'en', 'en', 'nb', 'de', 'fr'];

/** What raters write beside a rating. */
export const ratingComments = {
  good: [
    'Quick and friendly, thank you!',
    'Solved in two minutes.',
    'Very clear answer.',
    'Great service as always.',
    'Helpful, knew exactly what to do.',
  ],
  bad: [
    'Took far too long.',
    'I had to explain everything twice.',
    'Did not answer my question.',
    'The bot kept sending me in circles.',
    'Still waiting for my refund.',
  ],
};

/** What people write beside a like or dislike of an AI answer. */
export const messageComments = {
  good: ['Exactly what I needed.', 'Clear steps, worked first time.', 'Nice, the link helped.'],
  bad: [
    'This is not what I asked.',
    'The link is outdated.',
    'Wrong: the return window is 30 days, not 60.',
    'Too generic.',
    'It ignored my order number.',
  ],
};

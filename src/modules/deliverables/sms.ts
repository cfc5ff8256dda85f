/**
 * How long an SMS is as a phone network counts it (3GPP TS 23.038): in the GSM 7-bit alphabet when every character is
 * in it (the extension table's characters take two septets), else in UCS-2, where every UTF-16 unit counts.
 */

// The GSM 03.38 basic character set, in table order (LF and CR included).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Characters of the extension table: each is sent as an escape and itself.
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export interface SmsLength {
  /** `gsm7` when the whole text is in the GSM alphabet, else `ucs2`. */
  encoding: 'gsm7' | 'ucs2';
  /** The units the network counts: septets in GSM 7-bit, UTF-16 units in UCS-2. */
  length: number;
  /** The most one message of that encoding holds: 160 or 70. */
  single_limit: number;
  /** How many messages the text is sent as (153 or 67 units each once it needs more than one). */
  segments: number;
}

/** The length, encoding and number of messages of an SMS text. */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extension.has(char)) septets += 2;
    else {
      const length = text.length;
      return { encoding: 'ucs2', length, single_limit: 70, segments: length <= 70 ? 1 : Math.ceil(length / 67) };
    }
  }
  return {
    encoding: 'gsm7',
    length: septets,
    single_limit: 160,
    segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
  };
}

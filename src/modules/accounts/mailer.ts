import nodemailer from 'nodemailer';

/** One plain-text email. */
export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Sends email; the team's invitations are its only use today. */
export interface Mailer {
  send(email: Email): Promise<void>;
}

/** A mailer over SMTP (`SMTP_URL`, e.g. `smtp://user:password@mail.example.com:587`), from `from` (`SMTP_FROM`). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(email) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
  };
}

import { createTransport } from 'nodemailer'

export type Mailer = {
  sendPasswordReset: (input: { to: string; name: string; url: string }) => Promise<void>
  /** A plain-text message (a booking's notice). */
  send: (input: { to: string; subject: string; text: string }) => Promise<void>
}

/** Optional: without SMTP_URL, reset links are only handed over by a manager or the CLI. */
export function createMailer(smtpUrl: string | undefined, from: string | undefined): Mailer | undefined {
  if (!smtpUrl) return undefined
  const transport = createTransport(smtpUrl)
  const sender = from ?? 'Cité <no-reply@localhost>'
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from: sender, to, subject, text })
    },
    sendPasswordReset: async ({ to, name, url }) => {
      await transport.sendMail({
        from: sender,
        to,
        subject: 'Cité — réinitialiser votre mot de passe / reset your password',
        text: `Bonjour ${name},\n\nPour choisir un nouveau mot de passe : ${url}\n\nTo choose a new password: ${url}\n`,
      })
    },
  }
}

/**
 * Direct-contact channels of a send log in one spelling, so a plan can check the consent that
 * each needs (sms → SMS consent, email → e-mail consent) whatever language the file is in.
 * Channels outside this list (a partner app, "whatsapp") are kept as written.
 */
import { foldWord } from "./normalise";

export const contactChannels = ["sms", "email", "push", "call"] as const;
export type ContactChannel = (typeof contactChannels)[number];

const SPELLINGS: Record<ContactChannel, readonly string[]> = {
  sms: ["sms", "text", "text message", "kisa mesaj", "mesaj", "смс", "sms сообщение"],
  email: ["email", "e-mail", "e mail", "mail", "e-posta", "eposta", "posta", "эл. почта"],
  push: ["push", "push notification", "notification", "bildirim", "anlik bildirim", "пуш"],
  call: ["call", "phone", "phone call", "telefon", "arama", "звонок", "телефон", "обзвон"],
};
// Russian e-mail spellings folded apart so that "электронная почта" and "email" agree.
const MORE_EMAIL = ["электронная почта", "почта", "имейл", "емейл"];

const canonical = new Map<string, ContactChannel>();
for (const [channel, words] of Object.entries(SPELLINGS) as [ContactChannel, string[]][]) {
  for (const word of words) canonical.set(foldWord(word), channel);
}
for (const word of MORE_EMAIL) canonical.set(foldWord(word), "email");

/** "E-posta" → "email", "SMS" → "sms"; any other channel trimmed, as written. */
export function canonicalResponseChannel(text: string): string {
  return canonical.get(foldWord(text)) ?? text.trim();
}

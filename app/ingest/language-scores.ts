/**
 * How much a decoding looks like Russian or Turkish text. Statistical detectors (chardet)
 * need far more text than a CSV's names and cities give them, and confuse Turkish with
 * Latin-1; these two scores settle the common cases.
 */

/** The most frequent Russian letters: about three quarters of running text. */
const COMMON_RUSSIAN = new Set("оеаинтсрвлкмдпуяы");
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_ASCII = /[A-Za-z]/;

function words(text: string): string[] {
  return text.split(/[^\p{L}]+/u).filter((word) => word.length > 0);
}

/**
 * Share of Cyrillic letters that are common Russian letters, scaled down by the share of
 * words mixing Latin and Cyrillic letters. Turkish read as windows-1251 turns "Ayşe" into
 * "Ayюe" (mixed words); KOI8-R read as windows-1251 gives pure but rare-letter Cyrillic.
 */
export function russianScore(text: string): number {
  let cyrillic = 0;
  let common = 0;
  let cyrillicWords = 0;
  let mixedWords = 0;
  for (const word of words(text)) {
    let hasCyrillic = false;
    for (const letter of word) {
      if (!CYRILLIC.test(letter)) continue;
      hasCyrillic = true;
      cyrillic += 1;
      if (COMMON_RUSSIAN.has(letter.toLowerCase())) common += 1;
    }
    if (hasCyrillic) {
      cyrillicWords += 1;
      if (LATIN_ASCII.test(word)) mixedWords += 1;
    }
  }
  if (cyrillic === 0) return 0;
  return (common / cyrillic) * (1 - mixedWords / cyrillicWords);
}

/** Letters of the Turkish alphabet beyond ASCII. */
const TURKISH_LETTERS = new Set("çğıöşüÇĞİÖŞÜ");
/** Of those, the ones no Western European alphabet has: their bytes tell 1254 from 1252. */
export const TURKISH_ONLY_LETTERS = new Set("ğışĞİŞ");

export interface TurkishScore {
  /** Share of non-ASCII letters that belong to the Turkish alphabet. */
  share: number;
  /** How many of the letters are Turkish-only (ğ ı ş Ğ İ Ş). */
  turkishOnly: number;
}

/**
 * Russian read as windows-1254 gives mostly à è í ò ñ (not Turkish letters); Turkish read
 * as windows-1254 gives ç ğ ı ö ş ü.
 */
export function turkishScore(text: string): TurkishScore {
  let nonAscii = 0;
  let turkish = 0;
  let turkishOnly = 0;
  for (const letter of text) {
    if (letter.charCodeAt(0) < 0x80 || !/\p{L}/u.test(letter)) continue;
    nonAscii += 1;
    if (TURKISH_LETTERS.has(letter)) turkish += 1;
    if (TURKISH_ONLY_LETTERS.has(letter)) turkishOnly += 1;
  }
  return { share: nonAscii === 0 ? 0 : turkish / nonAscii, turkishOnly };
}

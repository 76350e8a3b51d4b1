/**
 * What decides a record's language (clean/language.ts): how much text a detector needs, and
 * which detector readings the page's own tag overrules. They change the `language` field of
 * stored records, so they are versioned with the rest of the rules.
 */
export const LANGUAGE_RULES = {
  /**
   * Below this many letters a detector's guess between related languages is a coin toss, so it
   * does not overrule a page's own tag, and alone it names no language at all.
   */
  minLetters: 40,
  /**
   * Languages detectors confuse with each other on real text. When the page declares one and the
   * text reads as another of the same group, the page knows better (Indonesian vs Malay, Bosnian
   * vs Croatian vs Serbian, Catalan vs Spanish). A tag from another group is a
   * template default (WordPress themes ship `lang="en"` on German blogs), and the text wins.
   */
  closeRelatives: [
    ['id', 'ms', 'jv', 'su'],
    ['hr', 'bs', 'sr', 'sh', 'cnr'],
    ['no', 'nb', 'nn', 'da'],
    ['cs', 'sk'],
    ['ru', 'uk', 'be'],
    ['bg', 'mk'],
    ['es', 'gl', 'pt'],
    ['es', 'ca', 'oc'],
    ['it', 'vec', 'sc'],
    ['nl', 'af', 'fy', 'li'],
    ['hi', 'mr', 'ne', 'bho', 'mai', 'mag'],
    ['tr', 'az'],
    ['fa', 'tg'],
  ] as readonly (readonly string[])[],
  /**
   * Regional varieties whose trigram profiles shadow a major language: franc reads one English
   * news paragraph in nine as Scots, and German as Low German. News in them is too rare to be
   * worth those misreadings.
   */
  shadowVarieties: ['sco', 'nds'] as readonly string[],
};

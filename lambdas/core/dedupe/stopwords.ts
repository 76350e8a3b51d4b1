import STOPWORDS_ISO from 'stopwords-iso/stopwords-iso.json';

/**
 * Words that carry no topic: function words, reporting verbs and honorifics. Spinning tools and
 * house style swap exactly these ("said" → "stated", "Mr Smith" → "Smith", "said Friday"), so
 * leaving them out makes sentence keys survive outlet edits and rewording.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
  being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
  don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll
  he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't
  it it's its itself let's me more most mustn't my myself no nor not of off on once only or other
  ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some
  such than that that's the their theirs them themselves then there there's these they they'd
  they'll they're they've this those through to too under until up very was wasn't we we'd we'll
  we're we've were weren't what what's when when's where where's which while who who's whom why
  why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
  will just now may might must shall upon within without also yet still however although though
  whether per percent cent according
  said says say saying told tells tell stated states declared declares added adds noted notes
  mr mrs ms dr sir
  monday tuesday wednesday thursday friday saturday sunday yesterday today`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Urdu function words (postpositions, auxiliaries, pronouns, conjunctions). The Urdu list in
 * stopwords-iso is mostly mis-encoded, so it gets these on top.
 */
const URDU = `کے کی کا میں سے نے کو پر ہے ہیں تھا تھی تھے ہو ہوں ہوا ہوئی ہوئے اور یہ وہ اس ان جو کہ بھی تو نہیں
  ہی گیا گئی گئے کر کیا کرتے کرنے کرنا کرے والے والی والا ایک لیے لئے تک جس جن کسی کچھ اب پھر یا مگر لیکن ساتھ
  بعد پہلے رہا رہی رہے دیا دی گا گی گے کہا کہنا جا جائے جاتا جاتی جاتے سکتا سکتی سکتے ہم آپ انہوں انہیں اپنے اپنی
  اپنا جب تب یہاں وہاں کیونکہ بلکہ جبکہ ہونے ہوتا ہوتی ہوتے چاہیے`;

/**
 * Stop lists by language code: stopwords-iso (maintained, 58 languages) as published, except
 * English, which keeps the list above (its reporting verbs and honorifics are what house style
 * edits, and English fingerprints must not change with the other languages' arrival).
 */
export const STOPWORDS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  ...(STOPWORDS_ISO as Record<string, string[]>),
  en: [...STOPWORDS],
  ur: [...(STOPWORDS_ISO as Record<string, string[]>).ur, ...URDU.split(/\s+/).filter(Boolean)],
};

/** Lists that only tell which language a text is in (stopwords-iso's English list is the longer one). */
export const DETECTION_STOPWORDS: Readonly<Record<string, readonly string[]>> = STOPWORDS_ISO as Record<string, string[]>;

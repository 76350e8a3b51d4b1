/**
 * Structural signals as data: thresholds with ids, so a removal made by structure is as
 * traceable (and versioned) as one made by a keyword.
 */

export interface StructuralRule {
  id: string;
  category: string;
  /** What the rule means, for `explain` output and reviewers. */
  description: string;
}

export const STRUCTURAL_RULES = {
  outsideStory: { id: 'structure.outside-story', category: 'structure', description: 'Block lies outside the main story run (text dumps).' },
  repeated: { id: 'structure.repeated', category: 'structure', description: 'Short block repeated on the page, or a later copy of an earlier block.' },
  titleEcho: { id: 'structure.title-echo', category: 'structure', description: 'Block repeats the headline.' },
  promoHeadline: { id: 'structure.promo-headline', category: 'related-list', description: 'Long title-case line without sentence punctuation inside the story: a promoted headline.' },
  gluedTeaser: { id: 'structure.glued-teaser', category: 'related-list', description: 'Title-case headline fused to its teaser sentence without a space (teaser card).' },
  capsPromo: { id: 'structure.caps-promo', category: 'related-list', description: 'All-capitals line of several words that is not a sentence: a promoted headline.' },
  headlineList: { id: 'structure.headline-list', category: 'related-list', description: 'Run of short headline-like blocks or list items of links at the end of the story.' },
  template: { id: 'structure.outlet-template', category: 'template', description: 'Block seen in at least `templateMinCount` earlier articles of the same outlet.' },
  standfirst: { id: 'structure.standfirst', category: 'metadata', description: 'Summary line between headline and story, kept as `standfirst`.' },
  title: { id: 'structure.title', category: 'metadata', description: 'Headline line, kept as `title`.' },
  trailingShort: { id: 'structure.trailing-short', category: 'structure', description: 'Short non-sentence block after the last story paragraph (HTML).' },
  leadingShort: { id: 'structure.leading-short', category: 'structure', description: 'Short non-sentence block before the first story paragraph (HTML).' },
  figureCaption: { id: 'structure.figure-caption', category: 'caption', description: 'Text inside <figure>/<figcaption>: caption or credit (HTML).' },
  creditedCaption: { id: 'structure.credited-caption', category: 'caption', description: 'Line right above a bracketed picture credit ("(Image credit: …)"): the picture caption.' },
  tagValues: { id: 'structure.tag-values', category: 'tag-list', description: 'Lines right after a bare "Tags"/"Topics" label, up to the next sentence: the tag values.' },
  emptyText: { id: 'structure.no-words', category: 'structure', description: 'Block with no letters or digits.' },
} as const satisfies Record<string, StructuralRule>;

/** Numeric knobs of the structural rules and the story-run finder. */
export const STRUCTURE_THRESHOLDS = {
  /** A block needs this many words, ending in sentence punctuation, to count as prose. */
  proseMinWords: 8,
  /** ... or this many words regardless of punctuation (teasers and standfirsts are long but unpunctuated). */
  proseLongWords: 30,
  /** Non-prose blocks tolerated between two prose blocks of one story run (text dumps). */
  maxGapBlocks: 4,
  /** Weight of prose density in a run's score (prose chars × density^k). */
  runDensityExponent: 2,
  /** Blocks added to a run's span when its density is taken, so a lone long line (a footer, a disclaimer) is not a perfect run. */
  runDensitySmoothing: 1,
  /** A neighbouring run joins the story when its own prose density is at least this... */
  mergeMinDensity: 0.5,
  /** ...it carries at least this share of the story's prose characters... */
  mergeMinShare: 0.1,
  /** ...and the gap to it is at most this many blocks without a section marker. */
  mergeMaxGapBlocks: 20,
  /** Words a short sentence right after the story run needs to join it as its closing line. */
  closingSentenceMinWords: 3,
  /** Blocks after a "Related"/"More from" heading that can belong to its headline box. */
  markedListMaxBlocks: 15,
  /** Consecutive headings with no text between them that make a headline box (HTML). */
  headingStackMin: 4,
  /** Headings plus unpunctuated teaser lines in a row that make a headline box... */
  teaserStackMin: 8,
  /** ...this share of them headings (kicker / headline pairs). */
  teaserStackHeadingShare: 0.5,
  /** Longest teaser line (words) in such a box. */
  teaserMaxWords: 20,
  /** Words an all-capitals, unpunctuated line needs to be a promoted headline. */
  capsPromoMinWords: 5,
  /** Lower-case letters (per capital) such a line may still hold ("AMs"). */
  capsPromoMaxLowerShare: 0.05,
  /** Score weight of a run that starts after a comments header (the reader thread). */
  commentThreadWeight: 0.2,
  /** Date/time-stamped short lines a run needs to read as a reader thread (text dumps)... */
  threadMinStamps: 3,
  /** ...at least one per this many prose blocks of the run. */
  threadStampEvery: 4,
  /** Longest line (words) that can be a comment's name-and-date stamp. */
  stampMaxWords: 12,
  /** Title search window: blocks before the story run. */
  titleWindowBlocks: 15,
  /** Repeated blocks shorter than this (words) are chrome wherever they stand. */
  repeatedMaxWords: 6,
  /** Link share above which a headline-like block counts as a linked headline (HTML tail lists). */
  linkDenseShare: 0.5,
  /** Blocks from the story edges within which `edge` rules apply. */
  edgeBlocks: 3,
  /** Most unpunctuated sentence-length lines between a byline and the first prose block taken as the story's opening (text dumps). */
  underBylineMaxLines: 2,
  /** Most kept lines above a leading byline/dateline that are taken as headline material. */
  leadingBylineMaxLines: 2,
  /** Words below which an unpunctuated block above the first sentence is a label (HTML). */
  leadingShortMaxWords: 5,
  /** Words below which an unpunctuated block after the last story sentence is a box label (HTML). */
  trailingShortMaxWords: 6,
  /** Minimum words for a title-case line to be a promoted headline rather than a subheading. */
  promoHeadlineMinWords: 9,
  /** Share of capitalised words that makes a line title case. */
  titleCaseShare: 0.6,
  /** Articles of the same outlet a block must have appeared in to be template chrome. */
  templateMinCount: 2,
  /** Words at or above which a sentence-punctuated block in the story run is story prose (template-safe). */
  templateSafeProseWords: 6,
  /** A tail section (related list, newsletter box...) may hold at most this share of the run's prose characters. */
  tailMaxProseShare: 0.35,
  /** Prose blocks in a row after a "Related" box that show the story resumes (the box is inline, not the end). */
  inlineBoxResumeProse: 3,
  /** Heading-like blocks that make a tail a headline list. */
  tailMinHeadlines: 3,
  /** Words a line ending in a colon needs to announce a list that belongs to the story (text dumps). */
  listIntroMinWords: 3,
  /** Items a story list needs (announced or numbered in sequence)... */
  listMinItems: 3,
  /** ...and at most this many (longer runs of short lines are menus or tables). */
  listMaxItems: 40,
  /** Weight of a story-list item's characters in the story-run score (prose counts 1). */
  listItemWeight: 0.25,
  /** Unnumbered lines allowed between two items of a numbered list (a link, a price). */
  listMaxBetween: 2,
  /** Commas a prose-length line after a "Tags" label needs to be its comma-separated values. */
  tagLineMinCommas: 4,
  /** Longest line (words) taken as the caption above a bracketed picture credit. */
  captionMaxWords: 60,
  /** HTML: the page's own story run replaces Readability's pick when it has this many times its prose... */
  pageRunMinGain: 1.5,
  /** ...at least this many prose characters of its own... */
  pageRunMinChars: 400,
  /** ...and at most this share of the run's prose is in Readability's pick. */
  pageRunMaxCovered: 0.5,
  /** Minimum words of story text for a clean result. */
  minStoryWords: 15,
  /**
   * Blocks below the story's last paragraph that may still carry its byline or date ("Published
   * 3 May"); further down, dated lines belong to comments or teasers, never to the article.
   */
  metadataTailBlocks: 3,
  /** Scripts without spaces between words (Chinese, Japanese, Thai) count one word per this many characters. */
  denseScriptCharsPerWord: 3,
  /** Words this short count towards title case only when capitalised ("of", "the" are not signals). */
  titleCaseShortWordChars: 3,
  /** Most words of a heading-like line (a subheading, a headline in a list). */
  headingMaxWords: 14,
  /** Characters of a line searched for a glued headline/teaser seam. */
  gluedTeaserLeadChars: 200,
  /** Words before a seam that make it a headline... */
  gluedHeadMinWords: 4,
  /** ...in title case at least this much... */
  gluedHeadTitleCaseShare: 0.75,
  /** ...or this much for the weak seams (a number or a short word before the capital). */
  weakSeamTitleCaseShare: 0.9,
  /** Capital letters a place name needs to be a dateline inside a teaser line ("NEW DELHI:"). */
  datelineMinCapitals: 5,
  /** Words of headline before such a dateline. */
  datelineTeaserMinHeadWords: 5,
  /** Words of a headline candidate above the story (text dumps). */
  titleMinWords: 2,
  titleMaxWords: 40,
  /** Words of the line under the headline that make it a standfirst (summary) instead. */
  standfirstMinWords: 10,
  /** Words the line above such a summary needs to be the headline. */
  titleAboveStandfirstMinWords: 3,
  /** Most blocks between that headline and its summary. */
  titleToStandfirstMaxBlocks: 4,
  /** Blocks after an unpunctuated opening line within which a byline makes it the standfirst. */
  leadingStandfirstBylineBlocks: 3,
  /** Echoed headline lines at the top of the story run are at most this many words. */
  echoedLeadMaxWords: 40,
  /** Longest name kept from a byline line. */
  bylineMaxChars: 100,
  /** Leading paragraphs of the kept story searched for a wire dateline ("MOSCOW (AP) —"). */
  wireDatelineParagraphs: 2,
  /** Characters of such a paragraph searched for it. */
  wireDatelineSearchChars: 120,
} as const;

/**
 * HTML page furniture by markup: containers whose text never counts towards the page's own
 * story run (the second opinion on Readability's pick). Matched on element names, ARIA roles
 * and class/id names that start with one of the words, with at most a namespace before
 * ("c-sidebar") and one part after ("comment-respond", "widget_text"): layout classes that
 * merely mention a word ("with-sidebar-right") are wrappers around the story; "header" and "teaser" are absent on purpose (an
 * article header holds the standfirst, and many sites call the standfirst a teaser).
 */
export const HTML_CHROME_CONTAINER = {
  tags: ['NAV', 'FOOTER', 'ASIDE'] as readonly string[],
  /** Elements that hold the story itself, whatever their class names say. */
  neverTags: ['HTML', 'BODY', 'MAIN', 'ARTICLE'] as readonly string[],
  /** A named container holding more than this share of the page's text is a layout wrapper, not furniture. */
  maxPageShare: 0.5,
  roles: ['navigation', 'contentinfo', 'complementary', 'banner', 'search', 'dialog', 'alertdialog'] as readonly string[],
  names: /^(?:[a-z]{1,3}-|)(?:nav|navbar|navigation|menu|menue|footer|sidebar|comments?|kommentare|commentaires|comentarios|cookies?|consent|gdpr|related|share|sharing|social|socials|breadcrumbs?|widgets?|newsletter|popup|modal|advert|adverts|advertisement|sponsored|promo|recommended|recommendations|author|authors|autor|bio|pagination|subscribe|login|search)(?:$|[_-]{1,2}[a-z\d]*$)/i,
  /** A class/id name that says the element holds the story vetoes the furniture names beside it... */
  storyNames: /article|story|content|body|main|entry|post|text/i,
  /** ...unless that name is itself furniture ("post-comments", "comment-body"). */
  chromeWords: /nav|menu|footer|sidebar|comment|cookie|consent|related|share|social|breadcrumb|widget|newsletter|popup|modal|advert|sponsor|promo|recommend|author|teaser/i,
  /** Inline styles that hide an element. */
  hiddenStyle: /display\s*:\s*none|visibility\s*:\s*hidden/i,
  /** Longer class/id attributes are generated style hashes; not read. */
  maxNameChars: 300,
};

/**
 * How page metadata is read (clean/html-meta.ts): which JSON-LD objects are the article whose
 * headline, author and date the record takes.
 */
export const HTML_METADATA = {
  /** JSON-LD `@type`s that describe the article itself (NewsArticle, BlogPosting, Report...). */
  jsonLdArticleTypes: /article|posting|report|blog/i,
};

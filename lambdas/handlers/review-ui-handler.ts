import { QueryParameterError } from '../core/query/plan';
import { InvalidCursorError } from '../core/store/record-layout';
import { RULES_VERSION } from '../core/rules';
import { STATIC_FILES } from '../core/ui/assets';
import { articlePage } from '../core/ui/article-page';
import { errorPage } from '../core/ui/layout';
import { rawView } from '../core/ui/raw-page';
import { pageHeaders, rawHeaders, staticHeaders } from '../core/ui/security-headers';
import { statsPage } from '../core/ui/stats-page';
import { storiesPage } from '../core/ui/stories-page';
import { storyPage } from '../core/ui/story-page';
import { uiRoute, type UiRoute } from '../core/ui/ui-routes';
import { NotInStoryError, type ReviewSource } from '../adapters/review-source';
import { errorFields, type Logger } from './log';

/** The review UI: request → route → data → server-rendered page. Every failure is a page, never a crash. */

export interface UiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

export interface UiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const ok = (body: string): UiResponse => ({ statusCode: 200, headers: pageHeaders(), body });
const fail = (statusCode: number, message: string): UiResponse => ({ statusCode, headers: pageHeaders(), body: errorPage(statusCode, message) });

async function respond(source: ReviewSource, r: UiRoute): Promise<UiResponse> {
  switch (r.view) {
    case 'stories': {
      const page = await source.stories(r.filter);
      return ok(storiesPage({ filter: r.filter, rows: page.items, next: page.cursor }));
    }
    case 'story': {
      const story = await source.story(r.id, r.member);
      return story ? ok(storyPage(story)) : fail(404, `No story or clean article with id ${r.id}.`);
    }
    case 'article': {
      const article = await source.article(r.id);
      return article ? ok(articlePage({ article, category: r.category })) : fail(404, `No article with id ${r.id}.`);
    }
    case 'raw': {
      const article = await source.article(r.id);
      if (!article) return fail(404, `No article with id ${r.id}.`);
      const view = rawView(await source.rawObject(article), article.sourceKey);
      return { statusCode: 200, headers: rawHeaders(view.contentType), body: view.body };
    }
    case 'stats':
      return ok(statsPage(await source.stats(), RULES_VERSION));
    case 'static': {
      const file = STATIC_FILES[r.name];
      return file ? { statusCode: 200, headers: staticHeaders(file.type), body: file.body } : fail(404, `No file ${r.name}.`);
    }
    case 'notFound':
      return fail(404, 'There is no page at this address.');
  }
}

export function createReviewUiHandler(source: ReviewSource, log: Logger): (req: UiRequest) => Promise<UiResponse> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'The review UI is read-only; use GET.');
    try {
      return await respond(source, uiRoute(req.path, req.query));
    } catch (err) {
      if (err instanceof QueryParameterError || err instanceof InvalidCursorError) return fail(400, err.message);
      if (err instanceof NotInStoryError) return fail(404, err.message);
      log.error('review page failed', { path: req.path, ...errorFields(err) });
      return fail(500, 'The store did not answer, so this page could not be built; try again.');
    }
  };
}

import type { Article, ArticleContent } from '../../api/articles.js';

/** Visibility of an article: public articles are suggested to customers by the bot. */
export type ArticleVisibility = ArticleContent['visibility'];

/** An article as the dialog edits it, with the tags as the comma-separated text the consultant types. */
export interface ArticleForm {
  title: string;
  problem: string;
  solution: string;
  tags: string;
  visibility: ArticleVisibility;
}

/** Returns the form of a new article: empty and internal, so nothing reaches customers by accident. */
export function emptyArticleForm(): ArticleForm {
  return { title: '', problem: '', solution: '', tags: '', visibility: 'internal' };
}

/** Returns the form of a stored article. */
export function articleFormOf(article: Article): ArticleForm {
  return {
    title: article.title,
    problem: article.problem,
    solution: article.solution,
    tags: article.tags.join(', '),
    visibility: article.visibility,
  };
}

/** Splits the tag text at commas and semicolons and drops empty tags and repeats. */
export function tagsOf(text: string): string[] {
  const tags = text
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

/** Builds the API body of a form with trimmed text. The API validates lengths and required fields. */
export function articleContentOf(form: ArticleForm): ArticleContent {
  return {
    title: form.title.trim(),
    problem: form.problem.trim(),
    solution: form.solution.trim(),
    tags: tagsOf(form.tags),
    visibility: form.visibility,
  };
}

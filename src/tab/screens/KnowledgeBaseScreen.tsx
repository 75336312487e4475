import { Body1, Button, Field, SearchBox, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DocumentArrowRightRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useApi } from '../api/apiContext.js';
import { deleteArticle, searchArticles, type Article } from '../api/articles.js';
import { FormDialog } from '../components/FormDialog.js';
import { StatusMessage, useStatus } from '../components/StatusMessage.js';
import { useLanguage } from '../i18n/index.js';
import { ArticleDialog } from './knowledgeBase/ArticleDialog.js';
import { ArticleList } from './knowledgeBase/ArticleList.js';
import { FromRequestDialog } from './knowledgeBase/FromRequestDialog.js';
import { useDebounced } from './knowledgeBase/useDebounced.js';
import { LoadError } from './monthly/LoadError.js';
import { useCustomerList } from './monthly/useCustomerList.js';
import { useLoaded } from './monthly/useLoaded.js';
import type { ScreenDefinition } from './screen.js';

/** Pause after the last key press before the search runs, in milliseconds. */
const SEARCH_DELAY_MS = 300;

/** Articles per page of the list. */
const PAGE_SIZE = 20;

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '84rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  search: { maxWidth: '32rem' },
});

/** The dialog that is open. */
type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; article: Article }
  | { kind: 'fromRequest' }
  | { kind: 'delete'; article: Article };

/**
 * Searches the knowledge base as the consultant types, lists the articles found and opens dialogs to write,
 * edit and delete articles.
 */
function KnowledgeBaseScreen() {
  const api = useApi();
  const { messages } = useLanguage();
  const texts = messages.knowledgeBase;
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const searchText = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const [extraPages, setExtraPages] = useState<{ text: string; articles: Article[]; nextCursor?: string }>();
  // Each result keeps the text it was found for, so counts and labels match the list while a newer search runs.
  const results = useLoaded(
    useCallback(
      async () => ({ text: searchText, page: await searchArticles(api, { text: searchText, limit: PAGE_SIZE }) }),
      [api, searchText],
    ),
  );
  const customers = useCustomerList();
  const [dialog, setDialog] = useState<OpenDialog>();
  const { status, succeed, fail, clear } = useStatus();

  // Pages loaded with "Weitere laden" belong to one search text and are dropped when it changes.
  const resultsText = results.data?.text ?? '';
  const more = extraPages?.text === resultsText ? extraPages : undefined;
  const articles = [...(results.data?.page.items ?? []), ...(more?.articles ?? [])];
  const nextCursor = more !== undefined ? more.nextCursor : results.data?.page.nextCursor;

  const loadMore = async () => {
    if (nextCursor === undefined) return;
    try {
      const page = await searchArticles(api, { text: resultsText, cursor: nextCursor, limit: PAGE_SIZE });
      setExtraPages({ text: resultsText, articles: [...(more?.articles ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      fail(error);
    }
  };

  const reload = async () => {
    setExtraPages(undefined);
    await results.reload();
  };

  const saved = (article: Article, created: boolean) => {
    succeed(created ? texts.created(article.title) : texts.updated(article.title));
    void reload();
  };

  const listLabel = resultsText === '' ? texts.listLabel : texts.resultsLabel(resultsText);

  return (
    <div className={styles.screen}>
      <div className={styles.toolbar}>
        <Title2 as="h2">{texts.heading}</Title2>
        <div className={styles.buttons}>
          <Button icon={<DocumentArrowRightRegular />} onClick={() => setDialog({ kind: 'fromRequest' })}>
            {texts.fromRequest.open}
          </Button>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setDialog({ kind: 'create' })}>
            {texts.createTitle}
          </Button>
        </div>
      </div>
      <Body1 as="p">{texts.intro}</Body1>
      <Field label={texts.search} className={styles.search}>
        <SearchBox
          value={query}
          placeholder={texts.searchPlaceholder}
          dismiss={{ 'aria-label': messages.common.clearSearch }}
          onChange={(_event, data) => setQuery(data.value)}
        />
      </Field>
      <StatusMessage status={status} onDismiss={clear} />
      <LoadError error={results.error} />

      {results.data === undefined ? (
        results.loading && <Spinner label={messages.common.loading} />
      ) : (
        <>
          <Text role="status" aria-live="polite">
            {resultsText === '' ? texts.count(results.data.page.total) : texts.found(results.data.page.total, resultsText)}
          </Text>
          {articles.length > 0 && (
            <ArticleList
              articles={articles}
              label={listLabel}
              onEdit={(article) => setDialog({ kind: 'edit', article })}
              onDelete={(article) => setDialog({ kind: 'delete', article })}
            />
          )}
          {nextCursor !== undefined && (
            <div>
              <Button onClick={() => void loadMore()}>{messages.common.loadMore}</Button>
            </div>
          )}
        </>
      )}

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <ArticleDialog
          article={dialog.kind === 'edit' ? dialog.article : undefined}
          onClose={() => setDialog(undefined)}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'fromRequest' && (
        <FromRequestDialog
          customers={customers.data ?? []}
          onClose={() => setDialog((current) => (current?.kind === 'fromRequest' ? undefined : current))}
          onCreated={(result, number) => {
            succeed(result.created ? texts.fromRequest.created(number) : texts.fromRequest.existing(number));
            void reload();
            // The draft is internal and titled from the description, so it opens for editing right away. The
            // closing dialog calls onClose after this, which leaves the edit dialog open.
            setDialog({ kind: 'edit', article: result.article });
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <FormDialog
          open
          title={texts.deleteTitle(dialog.article.title)}
          submitLabel={texts.delete}
          onClose={() => setDialog(undefined)}
          onSubmit={async () => {
            await deleteArticle(api, dialog.article.id);
            succeed(texts.deleted(dialog.article.title));
            void reload();
          }}
        >
          <Text>{texts.deleteQuestion}</Text>
        </FormDialog>
      )}
    </div>
  );
}

/** The knowledge base of the tab. */
export const knowledgeBaseScreen: ScreenDefinition = {
  id: 'knowledge',
  title: (messages) => messages.knowledgeBase.title,
  Component: KnowledgeBaseScreen,
};

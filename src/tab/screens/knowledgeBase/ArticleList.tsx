import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { Article } from '../../api/articles.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useTimeZone } from '../../i18n/timeZone.js';

const useStyles = makeStyles({
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  problem: {
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    color: tokens.colorNeutralForeground3,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Lists articles with title and problem, tags, visibility and last change. Each row has edit and delete buttons. */
export function ArticleList(props: {
  articles: readonly Article[];
  label: string;
  onEdit: (article: Article) => void;
  onDelete: (article: Article) => void;
}) {
  const { language, messages } = useLanguage();
  const zone = useTimeZone();
  const texts = messages.knowledgeBase;
  const styles = useStyles();

  return (
    <Table aria-label={props.label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{texts.columns.title}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.tags}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.visibility}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.updatedAt}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.articles.map((article) => (
          <TableRow key={article.id} data-article-id={article.id}>
            <TableCell>
              <Text weight="semibold" block>
                {article.title}
              </Text>
              <Text size={200} className={styles.problem} title={article.problem}>
                {article.problem}
              </Text>
            </TableCell>
            <TableCell>
              <div className={styles.tags}>
                {article.tags.length === 0
                  ? messages.common.none
                  : article.tags.map((tag) => (
                      <Badge key={tag} appearance="outline" color="informative">
                        {tag}
                      </Badge>
                    ))}
              </div>
            </TableCell>
            <TableCell>
              <Badge appearance="tint" color={article.visibility === 'public' ? 'success' : 'subtle'}>
                {texts.visibility[article.visibility]}
              </Badge>
            </TableCell>
            <TableCell>{formatDateTime(article.updatedAt, language, zone)}</TableCell>
            <TableCell>
              <div className={styles.actions}>
                <Button size="small" icon={<EditRegular />} aria-label={texts.editLabel(article.title)} onClick={() => props.onEdit(article)}>
                  {texts.edit}
                </Button>
                <Button
                  size="small"
                  icon={<DeleteRegular />}
                  aria-label={texts.deleteLabel(article.title)}
                  onClick={() => props.onDelete(article)}
                >
                  {texts.delete}
                </Button>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

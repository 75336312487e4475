import { Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/apiContext.js';
import { createArticle, updateArticle, type Article } from '../../api/articles.js';
import { FormDialog } from '../../components/FormDialog.js';
import { useLanguage } from '../../i18n/index.js';
import { articleFieldErrors, type ArticleFieldErrors } from './articleFieldErrors.js';
import { articleContentOf, articleFormOf, emptyArticleForm, type ArticleForm, type ArticleVisibility } from './articleForm.js';

const VISIBILITIES: readonly ArticleVisibility[] = ['public', 'internal'];

/**
 * Creates an article (without `article`) or edits one. The API validates the input. The fields it names in
 * a 400 or 422 response show their error, and the dialog stays open.
 */
export function ArticleDialog(props: { article?: Article; onClose: () => void; onSaved: (article: Article, created: boolean) => void }) {
  const api = useApi();
  const { messages } = useLanguage();
  const texts = messages.knowledgeBase;
  const editing = props.article !== undefined;
  const [form, setForm] = useState<ArticleForm>(() => (props.article ? articleFormOf(props.article) : emptyArticleForm()));
  const [errors, setErrors] = useState<ArticleFieldErrors>({});

  const change = (field: keyof ArticleForm, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async () => {
    const content = articleContentOf(form);
    try {
      const saved = props.article ? await updateArticle(api, props.article.id, content) : await createArticle(api, content);
      props.onSaved(saved, !editing);
    } catch (error) {
      const fieldErrors = articleFieldErrors(error, messages);
      if (fieldErrors === undefined) throw error;
      setErrors(fieldErrors);
      return texts.fixFields;
    }
  };

  return (
    <FormDialog
      open
      title={editing ? texts.editTitle : texts.createTitle}
      submitLabel={editing ? messages.common.save : texts.create}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <Field label={texts.fields.title} required validationMessage={errors.title}>
        <Input value={form.title} onChange={(_event, data) => change('title', data.value)} />
      </Field>
      <Field label={texts.fields.problem} hint={texts.fields.problemHint} required validationMessage={errors.problem}>
        <Textarea value={form.problem} rows={4} resize="vertical" onChange={(_event, data) => change('problem', data.value)} />
      </Field>
      <Field label={texts.fields.solution} required validationMessage={errors.solution}>
        <Textarea value={form.solution} rows={6} resize="vertical" onChange={(_event, data) => change('solution', data.value)} />
      </Field>
      <Field label={texts.fields.tags} hint={texts.fields.tagsHint} validationMessage={errors.tags}>
        <Input value={form.tags} onChange={(_event, data) => change('tags', data.value)} />
      </Field>
      <Field label={texts.fields.visibility} validationMessage={errors.visibility}>
        <RadioGroup value={form.visibility} onChange={(_event, data) => change('visibility', data.value)}>
          {VISIBILITIES.map((visibility) => (
            <Radio key={visibility} value={visibility} label={texts.visibilityOptions[visibility]} />
          ))}
        </RadioGroup>
      </Field>
    </FormDialog>
  );
}

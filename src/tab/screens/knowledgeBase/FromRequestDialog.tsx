import { Field, Option, Spinner, Text } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/apiError.js';
import { useApi } from '../../api/apiContext.js';
import { createArticleFromRequest, listFinishedRequests, type ArticleFromRequest } from '../../api/articles.js';
import type { CustomerSummary } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { useLanguage } from '../../i18n/index.js';
import { useLoaded } from '../monthly/useLoaded.js';

/**
 * Lets the consultant pick a customer and one of its resolved or closed requests ("Aus Anfrage erstellen"),
 * then has the API write the request's internal draft article or return the one written before.
 */
export function FromRequestDialog(props: {
  customers: readonly CustomerSummary[];
  onClose: () => void;
  onCreated: (result: ArticleFromRequest, number: string) => void;
}) {
  const api = useApi();
  const { messages } = useLanguage();
  const texts = messages.knowledgeBase.fromRequest;
  const [customerId, setCustomerId] = useState<string>();
  const [number, setNumber] = useState<string>();
  const [errors, setErrors] = useState<{ customer?: string; request?: string }>({});
  const requests = useLoaded(
    useCallback(() => (customerId === undefined ? undefined : listFinishedRequests(api, customerId)), [api, customerId]),
  );

  const submit = async () => {
    if (customerId === undefined) {
      setErrors({ customer: texts.missingCustomer });
      return messages.common.fixFields;
    }
    if (number === undefined) {
      // The request field shows only once the customer's finished requests are loaded and there are some.
      if (requests.data === undefined || requests.data.length === 0) return texts.missingRequest;
      setErrors({ request: texts.missingRequest });
      return messages.common.fixFields;
    }
    try {
      props.onCreated(await createArticleFromRequest(api, customerId, number), number);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return texts.notResolved(number);
      throw error;
    }
  };

  const customer = props.customers.find((candidate) => candidate.id === customerId);
  const request = requests.data?.find((candidate) => candidate.number === number);
  const requestText = (item: { number: string; description: string }) =>
    `${item.number} – ${item.description.length > 80 ? `${item.description.slice(0, 79)}…` : item.description}`;

  return (
    <FormDialog open title={texts.title} submitLabel={texts.submit} onClose={props.onClose} onSubmit={submit}>
      <Text>{texts.intro}</Text>
      <Field label={texts.customer} required validationMessage={errors.customer}>
        <Dropdown
          value={customer?.name ?? ''}
          selectedOptions={customerId === undefined ? [] : [customerId]}
          onOptionSelect={(_event, data) => {
            setCustomerId(data.optionValue);
            setNumber(undefined);
            setErrors({});
          }}
        >
          {props.customers.map((candidate) => (
            <Option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {customerId !== undefined && requests.loading && <Spinner size="tiny" label={messages.common.loading} />}
      {requests.data !== undefined && requests.data.length === 0 && <Text>{texts.noRequests}</Text>}
      {requests.data !== undefined && requests.data.length > 0 && (
        <Field label={texts.request} required validationMessage={errors.request}>
          <Dropdown
            value={request === undefined ? '' : requestText(request)}
            selectedOptions={number === undefined ? [] : [number]}
            onOptionSelect={(_event, data) => {
              setNumber(data.optionValue);
              setErrors({});
            }}
          >
            {requests.data.map((item) => (
              <Option key={item.number} value={item.number} text={requestText(item)}>
                {`${requestText(item)} (${messages.states[item.state]})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </FormDialog>
  );
}

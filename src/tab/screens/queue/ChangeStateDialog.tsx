import { Field, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { nextStates } from '../../../domain/lifecycle.js';
import { useApi } from '../../api/apiContext.js';
import { changeState, type RequestKey } from '../../api/requests.js';
import type { RequestState } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { useLanguage } from '../../i18n/index.js';

/**
 * Moves a request to one of the states its lifecycle allows next. Choosing "resolved" requires the solution,
 * so the same dialog also serves "resolve" when opened with `resolveOnly`.
 */
export function ChangeStateDialog(props: {
  request: RequestKey & { state: RequestState };
  resolveOnly?: boolean;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const api = useApi();
  const { messages } = useLanguage();
  const choices = props.resolveOnly ? (['resolved'] as const) : nextStates(props.request.state);
  const [state, setState] = useState<RequestState | undefined>(choices[0]);
  const [solution, setSolution] = useState('');
  const [solutionError, setSolutionError] = useState<string>();

  const submit = async () => {
    if (state === undefined) return messages.changeState.noTransitions;
    if (state === 'resolved' && solution.trim() === '') {
      setSolutionError(messages.resolve.missingSolution);
      return messages.common.fixFields;
    }
    await changeState(api, props.request, state, state === 'resolved' ? solution.trim() : undefined);
    props.onDone(messages.queue.stateChanged(props.request.number, messages.states[state]));
  };

  const title = props.resolveOnly
    ? messages.resolve.title(props.request.number)
    : messages.changeState.title(props.request.number);

  return (
    <FormDialog open title={title} submitLabel={messages.common.save} onClose={props.onClose} onSubmit={submit}>
      {!props.resolveOnly &&
        (choices.length === 0 ? (
          <Text>{messages.changeState.noTransitions}</Text>
        ) : (
          <Field label={messages.changeState.state}>
            <RadioGroup value={state} onChange={(_event, data) => setState(data.value as RequestState)}>
              {choices.map((choice) => (
                <Radio key={choice} value={choice} label={messages.states[choice]} />
              ))}
            </RadioGroup>
          </Field>
        ))}
      {state === 'resolved' && (
        <Field label={messages.resolve.solution} hint={messages.resolve.solutionHint} required validationMessage={solutionError}>
          <Textarea
            value={solution}
            rows={5}
            maxLength={4000}
            onChange={(_event, data) => {
              setSolution(data.value);
              setSolutionError(undefined);
            }}
          />
        </Field>
      )}
    </FormDialog>
  );
}

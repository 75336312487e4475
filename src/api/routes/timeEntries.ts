import { defineRoute, type AnyApiRoute } from '../route.js';
import { RequestDetailSchema, RequestTimeEditSchema, RequestTimeEntryPathSchema } from './requestSchemas.js';
import { requestDetailResponse } from './requestViews.js';

/** Error codes of the changes to a request's time entry. */
const TIME_ENTRY_ERRORS = ['requestNotFound', 'notFound', 'concurrentChange'] as const;

/**
 * Routes that edit and delete a request's time entries. The path names the request, the local month of
 * the entry's start and the entry's id. The history row of each change names the signed-in consultant.
 */
export const timeEntryRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'put',
    path: '/requests/{customerId}/{number}/time/{month}/{entryId}',
    summary: "Changes minutes, type or note of a request's time entry and keeps the replaced version in its history",
    tag: 'Requests',
    request: { params: RequestTimeEntryPathSchema, body: RequestTimeEditSchema },
    response: RequestDetailSchema,
    errors: [...TIME_ENTRY_ERRORS, 'unprocessable'],
    handler: async ({ params, body, consultant, services }) => {
      const { customerId, number, month, entryId } = params;
      await services.requestActions.editTime(customerId, number, { month, id: entryId }, body, consultant.name);
      return requestDetailResponse(services, customerId, number);
    },
  }),

  defineRoute({
    method: 'delete',
    path: '/requests/{customerId}/{number}/time/{month}/{entryId}',
    summary: "Deletes a request's time entry and keeps its last version in its history",
    tag: 'Requests',
    request: { params: RequestTimeEntryPathSchema },
    response: RequestDetailSchema,
    errors: TIME_ENTRY_ERRORS,
    handler: async ({ params, consultant, services }) => {
      const { customerId, number, month, entryId } = params;
      await services.requestActions.deleteTime(customerId, number, { month, id: entryId }, consultant.name);
      return requestDetailResponse(services, customerId, number);
    },
  }),
];

import { LimitSchema, cursorSchema, encodeCursor, pageSchema } from '../paging.js';
import { defineRoute, type AnyApiRoute } from '../route.js';
import {
  LoggedCallSchema,
  QueuePositionSchema,
  QueueQuerySchema,
  RequestDetailSchema,
  RequestNoteSchema,
  RequestPathSchema,
  RequestSummarySchema,
  RequestTimeSchema,
  StateChangeSchema,
} from './requestSchemas.js';
import { requestDetailResponse, toRequestSummary } from './requestViews.js';

const QueuePageSchema = pageSchema(RequestSummarySchema).openapi('RequestPage');

/** Error codes of every action on one request. */
const REQUEST_ACTION_ERRORS = ['requestNotFound', 'transitionNotAllowed', 'concurrentChange'] as const;

/** Routes of the queue and of the actions on one request. */
export const requestRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/requests',
    summary: 'Lists requests ordered by effective deadline, earliest first',
    tag: 'Requests',
    request: { query: QueueQuerySchema.extend({ cursor: cursorSchema(QueuePositionSchema).optional(), limit: LimitSchema }) },
    response: QueuePageSchema,
    handler: async ({ query, services }) => {
      const { cursor, limit, ...filter } = query;
      const page = await services.queue.page(filter, limit, cursor);
      return {
        items: page.items.map((item) => toRequestSummary(item.request, item.customerName, item.slaStatus)),
        nextCursor: page.next ? encodeCursor(page.next) : undefined,
      };
    },
  }),

  defineRoute({
    method: 'post',
    path: '/requests',
    summary: 'Logs a call ("Anruf erfassen") as a request whose deadline counts from the time of the call',
    tag: 'Requests',
    successStatus: 201,
    request: { body: LoggedCallSchema },
    response: RequestDetailSchema,
    errors: ['customerNotFound', 'unprocessable'],
    handler: async ({ body, services }) => {
      const request = await services.calls.log(body);
      return requestDetailResponse(services, request.customerId, request.number);
    },
  }),

  defineRoute({
    method: 'get',
    path: '/requests/{customerId}/{number}',
    summary: 'Returns a request with history, time entries, overage approvals, bookings, notes and solution',
    tag: 'Requests',
    request: { params: RequestPathSchema },
    response: RequestDetailSchema,
    errors: ['requestNotFound'],
    handler: async ({ params, services }) => requestDetailResponse(services, params.customerId, params.number),
  }),

  defineRoute({
    method: 'post',
    path: '/requests/{customerId}/{number}/acknowledge',
    summary: 'Takes the request over; repeating it changes nothing',
    tag: 'Requests',
    request: { params: RequestPathSchema },
    response: RequestDetailSchema,
    errors: REQUEST_ACTION_ERRORS,
    handler: async ({ params, consultant, services }) => {
      await services.requestActions.acknowledge(params.customerId, params.number, consultant.name);
      return requestDetailResponse(services, params.customerId, params.number);
    },
  }),

  defineRoute({
    method: 'post',
    path: '/requests/{customerId}/{number}/callback',
    summary: 'Records the first callback; a second call keeps the first instant',
    tag: 'Requests',
    request: { params: RequestPathSchema },
    response: RequestDetailSchema,
    errors: REQUEST_ACTION_ERRORS,
    handler: async ({ params, consultant, services }) => {
      await services.requestActions.recordCallback(params.customerId, params.number, consultant.name);
      return requestDetailResponse(services, params.customerId, params.number);
    },
  }),

  defineRoute({
    method: 'post',
    path: '/requests/{customerId}/{number}/state',
    summary: 'Moves the request to another state; "resolved" needs the solution',
    tag: 'Requests',
    request: { params: RequestPathSchema, body: StateChangeSchema },
    response: RequestDetailSchema,
    errors: [...REQUEST_ACTION_ERRORS, 'invalidSolution'],
    handler: async ({ params, body, consultant, services }) => {
      await services.requestActions.changeState(params.customerId, params.number, body.state, consultant.name, body.solution);
      return requestDetailResponse(services, params.customerId, params.number);
    },
  }),

  defineRoute({
    method: 'post',
    path: '/requests/{customerId}/{number}/time',
    summary: "Logs time for the request in the customer's hours",
    tag: 'Requests',
    successStatus: 201,
    request: { params: RequestPathSchema, body: RequestTimeSchema },
    response: RequestDetailSchema,
    errors: ['requestNotFound', 'unprocessable'],
    handler: async ({ params, body, consultant, services }) => {
      await services.requestActions.logTime(params.customerId, params.number, body, consultant.name);
      return requestDetailResponse(services, params.customerId, params.number);
    },
  }),

  defineRoute({
    method: 'post',
    path: '/requests/{customerId}/{number}/notes',
    summary: "Adds a note to the request's history",
    tag: 'Requests',
    successStatus: 201,
    request: { params: RequestPathSchema, body: RequestNoteSchema },
    response: RequestDetailSchema,
    errors: ['requestNotFound', 'invalidNote', 'concurrentChange'],
    handler: async ({ params, body, consultant, services }) => {
      await services.requestActions.addNote(params.customerId, params.number, body.text, consultant.name);
      return requestDetailResponse(services, params.customerId, params.number);
    },
  }),
];

/** What the package exports from its runtime, besides the models and the client. */
export {
  APIConnectionError,
  APIError,
  APIStatusError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors.js";
export { ValidationError } from "./validate.js";
export { APIPromise, type RequestOptions, type WithResponse } from "./core.js";
export { Page, PagePromise } from "./pagination.js";
export { Stream, type ServerSentEvent } from "./streaming.js";

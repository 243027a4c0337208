/** Everything the generated modules use from the runtime, as one namespace (`$`). */
export * from "./core.js";
export * from "./encoding.js";
export * from "./errors.js";
export * from "./pagination.js";
export * from "./streaming.js";
export * from "./validate.js";

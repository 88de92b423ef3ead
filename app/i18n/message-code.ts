/**
 * The message wire format lives with the analytics, at the bottom of the import graph, so
 * pure code can state reasons as codes; the app imports it from here or from there alike.
 */
export * from "~/analytics/message-code";

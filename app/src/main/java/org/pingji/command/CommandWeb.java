package org.pingji.command;

/** Marks command's controllers (console pages and JSON API) for the advices scoped to them. */
interface CommandWeb {}

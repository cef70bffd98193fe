/** Shared by the proxy (presence check) and the server code that sets and reads it. */
export const SESSION_COOKIE = 'haven_session';

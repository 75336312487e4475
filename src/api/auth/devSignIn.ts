/** A token of the development sign-in and the instant it expires. */
export interface DevSignInToken {
  token: string;
  /** ISO 8601 instant with offset. */
  expiresAt: string;
}

/** Issuer of tokens for local runs without Teams, which exists only while TAB_DEV_SIGN_IN=true. */
export interface DevSignIn {
  issue(): Promise<DevSignInToken>;
}
